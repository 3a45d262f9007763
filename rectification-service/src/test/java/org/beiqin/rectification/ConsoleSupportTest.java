package org.beiqin.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * What the console needs from the ledger to let people work on screen: names for divisions and
 * rules, the ledger's filters and order, acknowledging alerts in bulk, evidence files and a
 * history told in words, and exports fit to print.
 */
@QuarkusTest
class ConsoleSupportTest extends RectificationTestBase {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};

    private static RequestSpecification adminOf(String division) {
        return as(Tokens.token("admin-" + division, "管理员", division, Set.of("admin")));
    }

    private String openItem(String town, String rule, String subject) {
        Discrepancy finding = finding(town, rule, "medium", subject, clock.instant());
        sendOpened(finding);
        return awaitItem(town, finding.key(), d -> true).getString("item.id");
    }

    @Test
    void aCountyAdministratorKeepsTheDivisionNamesAndEveryoneReadsThem() {
        String town = newTownship();
        String village = town + "201";
        openItem(town, "BATTERY_LOW", "R-1");
        // a code in use without a name is shown to the county's administrator as a data error (not to a keeper)
        assertThat(adminOf(COUNTY).get("/api/rectification/divisions").then().statusCode(200).extract()
                .jsonPath().getList("unnamed", String.class)).contains(town);
        assertThat(as(Tokens.keeper(town)).get("/api/rectification/divisions").then().statusCode(200).extract()
                .jsonPath().getList("unnamed", String.class)).isEmpty();

        // the parent first: a village of an unregistered township is refused, naming the field
        adminOf(COUNTY).body(Map.of("name", "测试村")).put("/api/rectification/divisions/" + village).then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("code"));
        JsonPath named = adminOf(COUNTY).body(Map.of("name", " 新建镇 ")).put("/api/rectification/divisions/" + town)
                .then().statusCode(200).extract().jsonPath();
        assertThat(named.getString("name")).isEqualTo("新建镇");
        assertThat(named.getInt("level")).isEqualTo(1);
        adminOf(COUNTY).body(Map.of("name", "测试村")).put("/api/rectification/divisions/" + village).then()
                .statusCode(200).body("parent", equalTo(town)).body("level", equalTo(2));

        // nobody else names places: not the county office, not a township's administrator, not another county's
        county().body(Map.of("name", "改名镇", "version", 0)).put("/api/rectification/divisions/" + town).then()
                .statusCode(403);
        adminOf(town).body(Map.of("name", "改名镇", "version", 0)).put("/api/rectification/divisions/" + town).then()
                .statusCode(403);
        adminOf("410183").body(Map.of("name", "改名镇", "version", 0)).put("/api/rectification/divisions/" + town)
                .then().statusCode(403);
        // a rename based on an old read is refused, not merged; a second registration is refused too
        adminOf(COUNTY).body(Map.of("name", "新名镇", "version", 0)).put("/api/rectification/divisions/" + town).then()
                .statusCode(200);
        adminOf(COUNTY).body(Map.of("name", "旧名镇", "version", 0)).put("/api/rectification/divisions/" + town).then()
                .statusCode(409).contentType("application/problem+json");
        adminOf(COUNTY).body(Map.of("name", "又一镇")).put("/api/rectification/divisions/" + town).then().statusCode(409);

        assertThat(adminOf(COUNTY).get("/api/rectification/divisions").then().extract().jsonPath()
                .getList("unnamed", String.class)).doesNotContain(town);
        // a name of blanks only is refused
        adminOf(COUNTY).body(Map.of("name", "\u3000", "version", 2)).put("/api/rectification/divisions/" + town).then()
                .statusCode(422).contentType("application/problem+json");
        JsonPath registry = as(Tokens.keeper(town)).get("/api/rectification/divisions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(registry.getString("divisions.find { it.code == '" + town + "' }.name")).isEqualTo("新名镇");
        assertThat(registry.getString("divisions.find { it.code == '410182102' }.name")).isEqualTo("乔楼镇");
        // the rules by their Chinese titles, for the ledger's filter
        assertThat(county().get("/api/rectification/rules").then().statusCode(200).extract().jsonPath()
                .getString("find { it.code == 'BATTERY_LOW' }.title")).isEqualTo("电池供电装备电量不足");
    }

    @Test
    void theLedgerFiltersByDeadlineAndSortsOnTheServer() {
        String town = newTownship();
        String soon = openItem(town, "BATTERY_LOW", "D-1");
        String later = openItem(town, "BATTERY_LOW", "D-2");
        String past = openItem(town, "BATTERY_LOW", "D-3");
        plan(soon, clock.today().plusDays(3).toString());
        plan(later, clock.today().plusDays(20).toString());
        plan(past, clock.today().plusDays(1).toString());
        clock.advance(Duration.ofDays(2));

        List<String> dueThisWeek = county().queryParam("division", town).queryParam("dueWithin", 7)
                .get("/api/rectification/items").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(dueThisWeek).containsExactly(soon);
        assertThat(county().queryParam("division", town).queryParam("overdue", true).get("/api/rectification/items")
                .then().extract().jsonPath().getList("items.id", String.class)).containsExactly(past);
        JsonPath byDeadline = county().queryParam("division", town).queryParam("sort", "deadline")
                .queryParam("dir", "asc").queryParam("size", 2).get("/api/rectification/items").then().statusCode(200)
                .extract().jsonPath();
        assertThat(byDeadline.getList("items.id", String.class)).containsExactly(past, soon);
        assertThat(byDeadline.getInt("total")).isEqualTo(3);
        assertThat(county().queryParam("division", town).queryParam("sort", "deadline").queryParam("dir", "asc")
                .queryParam("size", 2).queryParam("page", 1).get("/api/rectification/items").then().extract()
                .jsonPath().getList("items.id", String.class)).containsExactly(later);
        county().queryParam("sort", "weather").get("/api/rectification/items").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("sort"));
        county().queryParam("dueWithin", -1).get("/api/rectification/items").then().statusCode(422);
    }

    @Test
    void theSearchBoxFindsTheWordsInTheSummaryOrTheSubject() {
        String town = newTownship();
        String shovels = searchable(town, "物资账实不符：铁锨 盘亏 2把", "counts differ: shovels short by 2", "乔楼镇仓库 铁锨");
        String handles = searchable(town, "物资账实不符：锨把 盘亏 5根", "counts differ: shovel handles", "乔楼镇仓库 锨把");
        String phone = searchable(town, "卫星电话电量不足 18%", "Satellite phone battery at 18%", "乔楼镇仓库 卫星电话 SAT-2");
        String percent = searchable(town, "救生衣 100% 到期", "life jackets all expire", "乔楼镇仓库 救生衣");
        awaitItems(town, 4);

        assertThat(search(town, "铁锨")).containsExactly(shovels);
        // both pairs of 铁锨把 are in the shovels' and handles' words, but the three characters are in neither
        assertThat(search(town, "铁锨把")).isEmpty();
        assertThat(search(town, "锨")).containsExactlyInAnyOrder(shovels, handles);
        assertThat(search(town, "  SATELLITE Phone ")).containsExactly(phone);
        assertThat(search(town, "SAT-2")).containsExactly(phone);
        assertThat(search(town, "100%")).containsExactly(percent);
        assertThat(search(town, "10_%")).isEmpty();
        assertThat(search(town, "电话电量")).containsExactly(phone);
        // another township's search does not reach these
        assertThat(search(newTownship(), "铁锨")).isEmpty();
    }

    private String searchable(String town, String zh, String en, String label) {
        String subject = uuid();
        Discrepancy finding = new Discrepancy(Discrepancy.key("warehouse", town, "LEDGER_MISMATCH", "stock", subject),
                "LEDGER_MISMATCH", "medium", town, new Discrepancy.Subject("stock", subject, label), clock.instant(),
                new Discrepancy.Text(zh, en), Map.of(), null, null);
        sendOpened(finding);
        return awaitItem(town, finding.key(), d -> true).getString("item.id");
    }

    private static List<String> search(String division, String words) {
        return county().queryParam("division", division).queryParam("q", words).get("/api/rectification/items")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private void plan(String id, String deadline) {
        int version = item(id).getInt("item.version");
        county().body(Map.of("deadline", deadline, "responsibleDepartment", "乔楼镇应急办", "version", version))
                .put("/api/rectification/items/" + id + "/plan").then().statusCode(200);
    }

    @Test
    void theHistoryIsToldInWordsNotCodes() {
        String town = newTownship();
        String id = openItem(town, "BATTERY_LOW", "H-1");
        String before = item(id).getString("item.deadline");
        String after = clock.today().plusDays(40).toString();
        county().body(Map.of("deadline", after, "responsiblePerson", "李保管", "version", 0))
                .put("/api/rectification/items/" + id + "/plan").then().statusCode(200);
        List<String> texts = item(id).getList("history.text", String.class);
        String monthDay = Integer.parseInt(after.substring(5, 7)) + "月" + Integer.parseInt(after.substring(8)) + "日";
        String was = Integer.parseInt(before.substring(5, 7)) + "月" + Integer.parseInt(before.substring(8)) + "日";
        assertThat(texts).contains("系统发现问题，立项整改")
                .anyMatch(t -> t.startsWith("县应急办") && t.contains("将整改时限从“" + was + "”改为“" + monthDay + "”")
                        && t.contains("将责任人定为“李保管”"));
        assertThat(String.join("\n", texts)).doesNotContain("PLAN_CHANGED").doesNotContain("responsiblePerson");
        List<String> english = county().header("Accept-Language", "en").get("/api/rectification/items/" + id).then()
                .extract().jsonPath().getList("history.text", String.class);
        assertThat(english).anyMatch(t -> t.contains("changed the deadline from"));
    }

    @Test
    void alertsAreAcknowledgedManyAtOnceAndAllOrNone() {
        String town = newTownship();
        String other = newTownship();
        openItem(town, "BATTERY_LOW", "A-1");
        openItem(town, "BATTERY_LOW", "A-2");
        List<Integer> mine = Awaitility.await().atMost(APPLIED)
                .until(() -> alerts(town).stream().map(a -> (Integer) a.get("id")).toList(), l -> l.size() == 2);
        openItem(other, "BATTERY_LOW", "A-3");
        Integer theirs = Awaitility.await().atMost(APPLIED)
                .until(() -> alerts(other).stream().map(a -> (Integer) a.get("id")).toList(), l -> l.size() == 1).get(0);

        // a township user cannot acknowledge another township's alert along with his own: nothing changes
        adminOf(town).body(Map.of("ids", List.of(mine.get(0), theirs))).post("/api/rectification/alerts/acknowledgement")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(alerts(town)).allMatch(a -> a.get("acknowledged") == null);
        county().body(Map.of("ids", List.of())).post("/api/rectification/alerts/acknowledgement").then().statusCode(422)
                .contentType("application/problem+json");

        List<Map<String, Object>> done = county().body(Map.of("ids", mine))
                .post("/api/rectification/alerts/acknowledgement").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(done).hasSize(2).allMatch(a -> a.get("acknowledged") != null);
        assertThat(county().queryParam("division", town).queryParam("unread", true).get("/api/rectification/alerts")
                .then().extract().jsonPath().getInt("total")).isZero();
        assertThat(alerts(other)).allMatch(a -> a.get("acknowledged") == null);
    }

    @Test
    void evidenceIsAPhotoOrPdfOfAtMostFiveMegabytesAndIsKeptOnce() {
        String town = newTownship();
        String id = openItem(town, "BATTERY_LOW", "E-1");
        JsonPath attached = county().contentType("image/png").header("X-File-Name", "%E7%8E%B0%E5%9C%BA.png").body(PNG)
                .post("/api/rectification/items/" + id + "/evidence").then().statusCode(201).extract().jsonPath();
        assertThat(attached.getString("fileName")).isEqualTo("现场.png");
        // the same bytes again are the same attachment, not a copy
        county().contentType("image/png").header("X-File-Name", "again.png").body(PNG)
                .post("/api/rectification/items/" + id + "/evidence").then().statusCode(200)
                .body("id", equalTo(attached.getString("id")));
        // a name that does not decode is refused
        county().contentType("image/png").header("X-File-Name", "100%.png").body(PNG)
                .post("/api/rectification/items/" + id + "/evidence").then().statusCode(422);
        // a text file called a photo, an empty file and a large one are refused and nothing is kept
        county().contentType("image/png").header("X-File-Name", "fake.png").body("not a picture".getBytes())
                .post("/api/rectification/items/" + id + "/evidence").then().statusCode(415)
                .contentType("application/problem+json");
        byte[] large = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
        county().contentType("image/png").header("X-File-Name", "large.png").body(large)
                .post("/api/rectification/items/" + id + "/evidence").then().statusCode(413);
        // another county cannot see the item or attach to it
        as(Tokens.countyOffice("410183")).contentType("image/png").header("X-File-Name", "x.png").body(PNG)
                .post("/api/rectification/items/" + id + "/evidence").then().statusCode(404);
        // a sibling township reads neither the file nor, through its own item, another item's file
        String sibling = newTownship();
        String theirs = openItem(sibling, "BATTERY_LOW", "E-2");
        as(Tokens.keeper(sibling)).accept("image/png").get("/api/rectification/items/" + id + "/evidence/"
                + attached.getString("id")).then().statusCode(404);
        county().accept("image/png").get("/api/rectification/items/" + theirs + "/evidence/"
                + attached.getString("id")).then().statusCode(404);

        JsonPath detail = item(id);
        assertThat(detail.getList("attachments.fileName")).containsExactly("现场.png");
        assertThat(detail.getList("history.text", String.class)).anyMatch(t -> t.endsWith(" 上传佐证材料：现场.png"));
        byte[] back = county().accept("image/png").get("/api/rectification/items/" + id + "/evidence/"
                + attached.getString("id")).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(back).isEqualTo(PNG);
    }

    @Test
    void theFilteredExportHoldsWhatTheLedgerShowsAndPrintsOnA4Landscape() throws Exception {
        String town = newTownship();
        openItem(town, "BATTERY_LOW", "X-1");
        openItem(town, "EXTINGUISHER_EXPIRED", "X-2");
        byte[] xlsx = county().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("division", town).queryParam("rule", "BATTERY_LOW")
                .get("/api/rectification/items/export").then().statusCode(200).extract().asByteArray();
        String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("orientation=\"landscape\"").contains("paperSize=\"9\"").contains("fitToWidth=\"1\"");
        StringBuilder text = new StringBuilder();
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(xlsx))) {
            for (var sheetOf : workbook.getSheets().toList()) {
                for (var row : sheetOf.read()) {
                    row.forEach(cell -> text.append(cell == null ? "" : cell.getText()).append('\t'));
                    text.append('\n');
                }
            }
        }
        String strings = text.toString();
        assertThat(strings).contains("电池供电装备电量不足").doesNotContain("灭火器已失效").doesNotContain("BATTERY_LOW")
                .containsPattern("未登记区划 " + town);
        assertThat(strings).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
    }

    private static String entry(byte[] zip, String name) throws Exception {
        Path file = Files.createTempFile("ledger", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile workbook = new ZipFile(file.toFile())) {
                ZipEntry entry = workbook.getEntry(name);
                assertThat(entry).as(name).isNotNull();
                return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }
}
