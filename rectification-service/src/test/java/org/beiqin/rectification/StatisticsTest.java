package org.beiqin.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.beiqin.contract.Discrepancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The figures of the seed notice (002: "47 个问题，已完成 43 个，基本完成 1 个，长期整改 1 个，未完成 2 个；
 * 措施 87 条，完成 84 条，完成率 96.5%"), rebuilt through the API and the topic, and counted back.
 * <p>
 * Hand count: items 1–20 verified by the system 10 days after detection (items 1 and 2 each recurred
 * once first), items 21–43 signed off by the county 20 days after; 44 basically completed, 45
 * long-term, 46–47 not completed. Every item has one measure, items 1–40 a second: 87. All are done
 * except the first measures of items 45, 46 and 47: 84. Average days to close (20×10 + 23×20) / 43 =
 * 15.3. Items 1–30 are ledger mismatches, 31–47 flat batteries.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest extends RectificationTestBase {

    private final String town = newTownship();
    private final String townName = "统计" + town.substring(6) + "镇";
    private final List<String> ids = new ArrayList<>();
    private Instant t0;

    /** Built once, before the first test (REST Assured knows the port only from then on). */
    @BeforeEach
    void buildTheSeedsLedger() {
        if (t0 != null) {
            return;
        }
        t0 = clock.instant();
        // the township has a name in the registry, which the notice and its file name use
        admin().body(Map.of("name", townName))
                .put("/api/rectification/divisions/" + town).then().statusCode(200);
        List<Discrepancy> findings = new ArrayList<>();
        for (int n = 1; n <= 47; n++) {
            Discrepancy f = finding(town, n <= 30 ? "LEDGER_MISMATCH" : "BATTERY_LOW", "medium", "S-" + n, t0);
            findings.add(f);
            sendOpened(f);
        }
        for (int n = 1; n <= 2; n++) {
            Discrepancy f = findings.get(n - 1);
            sendResolved(f, t0.plus(Duration.ofDays(1)), "盘点相符");
            sendOpened(new Discrepancy(f.key(), f.rule(), f.severity(), f.division(), f.subject(),
                    t0.plus(Duration.ofDays(2)), f.summary(), f.evidence(), null, null));
            sendResolved(f, t0.plus(Duration.ofDays(12)), "盘点相符");
        }
        for (int n = 3; n <= 20; n++) {
            sendResolved(findings.get(n - 1), t0.plus(Duration.ofDays(10)), "盘点相符");
        }
        awaitItems(town, 47);
        Map<String, String> idByKey = Awaitility.await().atMost(APPLIED).until(() -> items(town),
                list -> list.stream().filter(i -> "COMPLETED".equals(i.get("status"))).count() == 20)
                .stream().collect(Collectors.toMap(i -> i.get("key").toString(), i -> i.get("id").toString()));
        findings.forEach(f -> ids.add(idByKey.get(f.key())));

        String deadline = clock.today().plusDays(30).toString();
        for (int n = 1; n <= 47; n++) {
            addMeasure(n, "核对账物，补登台账", deadline);
            if (n <= 40) {
                addMeasure(n, "建立每月盘库制度", deadline);
            }
        }
        for (int n = 1; n <= 47; n++) {
            JsonPath detail = item(ids.get(n - 1));
            List<Map<String, Object>> measures = detail.getList("measures");
            for (Map<String, Object> m : measures) {
                boolean open = n >= 45 && ((Integer) m.get("position")) == 1;
                if (!open) {
                    county().body(Map.of("status", "DONE", "evidence", "已完成，见台账照片", "version", m.get("version")))
                            .put("/api/rectification/items/" + ids.get(n - 1) + "/measures/" + m.get("id")).then()
                            .statusCode(200);
                }
            }
        }
        clock.set(t0.plus(Duration.ofDays(20)));
        for (int n = 21; n <= 43; n++) {
            status(n, "COMPLETED", "实地抽查台账与库存相符");
        }
        status(44, "BASICALLY_COMPLETED", "主要措施已落实");
        status(45, "LONG_TERM", "纳入年度计划长期坚持");
        clock.reset();
    }

    private void addMeasure(int n, String what, String deadline) {
        county().body(Map.of("description", what, "owner", "镇应急办", "deadline", deadline))
                .post("/api/rectification/items/" + ids.get(n - 1) + "/measures").then().statusCode(201);
    }

    private void status(int n, String status, String evidence) {
        int version = item(ids.get(n - 1)).getInt("item.version");
        county().body(Map.of("status", status, "evidence", evidence, "version", version))
                .post("/api/rectification/items/" + ids.get(n - 1) + "/status").then().statusCode(200);
    }

    @Test
    void theTotalsMatchTheHandCount() {
        JsonPath report = county().queryParam("division", town).queryParam("groupBy", "rule")
                .get("/api/rectification/statistics").then().statusCode(200).extract().jsonPath();
        assertThat(report.getMap("total")).containsEntry("items", 47).containsEntry("completed", 43)
                .containsEntry("basicallyCompleted", 1).containsEntry("longTerm", 1).containsEntry("notCompleted", 2)
                .containsEntry("measures", 87).containsEntry("measuresDone", 84).containsEntry("recurrences", 2);
        // cut, not rounded: 84/87 = 96.55 % is reported as 96.5, 43/47 = 91.49 % as 91.4
        assertThat(report.getString("total.measureCompletionRate")).isEqualTo("96.5");
        assertThat(report.getString("total.itemCompletionRate")).isEqualTo("91.4");
        assertThat(report.getString("total.averageDaysToClose")).isEqualTo("15.3");

        List<Map<String, Object>> groups = report.getList("groups");
        assertThat(groups).extracting(g -> g.get("key")).containsExactly("BATTERY_LOW", "LEDGER_MISMATCH");
        assertThat(groups.get(0)).containsEntry("label", "电池供电装备电量不足").containsEntry("items", 17)
                .containsEntry("completed", 13).containsEntry("measures", 27).containsEntry("measuresDone", 24);
        assertThat(report.getString("groups[0].measureCompletionRate")).isEqualTo("88.8");
        assertThat(groups.get(1)).containsEntry("items", 30).containsEntry("completed", 30)
                .containsEntry("measures", 60).containsEntry("measuresDone", 60);
        assertThat(report.getString("groups[1].measureCompletionRate")).isEqualTo("100");

        // a period before any of it counts nothing; a backwards period is refused
        String lastYear = String.valueOf(clock.today().getYear() - 1);
        county().queryParam("division", town).queryParam("from", lastYear + "-01-01")
                .queryParam("to", lastYear + "-12-31").get("/api/rectification/statistics").then().statusCode(200)
                .body("total.items", Matchers.equalTo(0));
        county().queryParam("division", town).queryParam("from", "2026-05-01").queryParam("to", "2026-04-01")
                .get("/api/rectification/statistics").then().statusCode(422)
                .contentType("application/problem+json");
        county().queryParam("groupBy", "weather").get("/api/rectification/statistics").then().statusCode(422);
    }

    @Test
    void theNoticeReadsLikeTheSeedsNotice() {
        String html = county().accept("text/html").queryParam("division", town).get("/api/rectification/notice")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(html).contains("一、总体情况")
                .contains("发现的47个具体问题，已完成整改43个，基本完成整改1个，长期整改1个，未完成整改2个；"
                        + "制定整改措施87条，完成整改措施84条，完成率为96.5%。")
                .contains("二、已完成的整改事项").contains("（一）反馈问题：电池供电装备电量不足")
                .contains("（二）反馈问题：物资底数不清、账实不符")
                .contains("整改措施：</span>一是核对账物，补登台账（")
                .contains("系统核验：盘点相符").contains("实地抽查台账与库存相符（荥阳市应急管理部门核验）")
                .contains("三、未完成及需长期整改的事项").contains("整改结果：</span>长期整改")
                .contains("整改结果：</span>基本完成").contains("（复发 1 次）");
        assertThat(html.indexOf("一、总体情况")).isLessThan(html.indexOf("二、已完成的整改事项"));
        // a published notice names units, not people: no measure owner, no verifier's name
        assertThat(html).doesNotContain("镇应急办负责").doesNotContain("县应急办410182核验");

        String markdown = county().accept("text/markdown").queryParam("division", town).queryParam("format", "markdown")
                .get("/api/rectification/notice").then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment;"))
                .header("Content-Disposition", containsString("filename*=UTF-8''"
                        + URLEncoder.encode(townName + "整改", StandardCharsets.UTF_8)))
                .extract().asString();
        assertThat(markdown).startsWith("# " + townName + "应急准备问题整改情况通报")
                .contains("## 一、总体情况").contains("完成率为96.5%")
                // each part stands apart as a heading of its own, as it did before the notice was streamed
                .contains("。\n\n## 三、未完成及需长期整改的事项\n\n### （一）")
                .endsWith("生成）\n");

        // a period that has not begun is refused before a line of the notice is written
        county().accept("text/html").queryParam("division", town).queryParam("from", "2999-01-01")
                .get("/api/rectification/notice").then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theLedgerExportsAsASpreadsheet() throws Exception {
        InputStream xlsx = county().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("division", town).get("/api/rectification/items/export").then().statusCode(200)
                .header("Content-Disposition", containsString(".xlsx")).extract().asInputStream();
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx)) {
            Sheet items = workbook.findSheet("整改台账").orElseThrow();
            List<Row> rows = items.read();
            assertThat(rows).hasSize(48);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("序号");
            assertThat(rows.get(0).getCellText(6)).isEqualTo("整改状态");
            assertThat(rows.stream().skip(1).map(r -> r.getCellText(6)).collect(
                    Collectors.groupingBy(s -> s, Collectors.counting())))
                    .containsEntry("完成", 43L).containsEntry("基本完成", 1L).containsEntry("长期整改", 1L)
                    .containsEntry("未完成", 2L);
            assertThat(workbook.findSheet("整改措施").orElseThrow().read()).hasSize(88);
        }
    }
}
