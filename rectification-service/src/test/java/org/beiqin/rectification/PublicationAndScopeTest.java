package org.beiqin.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Topics;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What leaves the county office: the published notice escapes what users typed and names no
 * person; only a county-level office signs off; the quarantine shows each administrator their
 * own county's records.
 */
@QuarkusTest
class PublicationAndScopeTest extends RectificationTestBase {

    private String markdownNotice(String town) {
        return county().accept("text/markdown").queryParam("division", town).queryParam("format", "markdown")
                .get("/api/rectification/notice").then().statusCode(200).extract().asString();
    }

    @Test
    void labelsCannotInjectMarkdownIntoThePublishedNotice() {
        String town = newTownship();
        String subject = uuid();
        String label = "仓库\n# 伪造的标题\n[点我](http://evil.example/x) ![图](http://evil.example/i.png) <script>x</script>";
        Discrepancy finding = new Discrepancy(Discrepancy.key("warehouse", town, "BATTERY_LOW", "equipment", subject),
                "BATTERY_LOW", "medium", town, new Discrepancy.Subject("equipment", subject, label), clock.instant(),
                new Discrepancy.Text("电量不足\n## 另起一节", "low"), Map.of(), null, null);
        sendOpened(finding);
        awaitItems(town, 1);

        String markdown = markdownNotice(town);
        assertThat(markdown.lines()).noneMatch(line -> line.startsWith("# 伪造") || line.startsWith("## 另起"));
        assertThat(markdown).doesNotContain("[点我](").doesNotContain("![图](").doesNotContain("<script>")
                .contains("\\[点我\\](http://evil.example/x)").contains("&lt;script>");
        String html = county().accept("text/html").queryParam("division", town).get("/api/rectification/notice")
                .then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script>x").contains("&lt;script&gt;");
    }

    @Test
    void thePublishedNoticeNamesRolesNotPeople() {
        String town = newTownship();
        String member = uuid();
        Discrepancy overAge = new Discrepancy(Discrepancy.key("duty", town, "MEMBER_OVER_AGE", "member", member),
                "MEMBER_OVER_AGE", "low", town, new Discrepancy.Subject("member", member, "赵老汉"), clock.instant(),
                new Discrepancy.Text("赵老汉 85 岁，超过男队员 60 岁的上限", "over age"),
                Map.of("age", 85, "phone", "13800001111"), null, null);
        sendOpened(overAge);
        String id = awaitItems(town, 1).get(0).get("id").toString();
        county().body(Map.of("target", "超龄队员退出队伍", "responsibleLeader", "钱副镇长", "responsibleDepartment",
                "镇应急办", "responsiblePerson", "孙干事", "deadline", clock.today().plusDays(10).toString(),
                "version", 0)).put("/api/rectification/items/" + id + "/plan").then().statusCode(200);
        county().body(Map.of("description", "调整队员名单", "owner", "李队长", "deadline",
                clock.today().plusDays(5).toString())).post("/api/rectification/items/" + id + "/measures").then()
                .statusCode(201);

        String markdown = markdownNotice(town);
        assertThat(markdown).contains("应急救援队员超龄").contains("责任部门：镇应急办").contains("调整队员名单")
                .doesNotContain("赵老汉").doesNotContain("85 岁").doesNotContain("13800001111")
                .doesNotContain("钱副镇长").doesNotContain("孙干事").doesNotContain("李队长");
        // the ledger itself, for the county office, keeps every name
        assertThat(item(id).getString("item.summary")).contains("赵老汉");
    }

    @Test
    void onlyACountyLevelOfficeSignsOff() {
        String town = newTownship();
        Discrepancy finding = finding(town, "EXTINGUISHER_INSPECTION_OVERDUE", "high", uuid(), clock.instant());
        sendOpened(finding);
        String id = awaitItems(town, 1).get(0).get("id").toString();
        // a township user who was (wrongly) given the county office's role: refused outright
        as(Tokens.token("town-office-" + town, "镇里的县级角色", town, Set.of("county_office")))
                .body(Map.of("status", "COMPLETED", "evidence", "我们自己核验过了", "version", 0))
                .post("/api/rectification/items/" + id + "/status").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:beiqin:problem:token-claims-invalid"));
        assertThat(item(id).getString("item.status")).isEqualTo("NOT_COMPLETED");

        // a township's own administrator can neither sign off, nor reopen, park or re-plan the county's item
        var townAdmin = as(Tokens.token("admin-" + town, "镇管理员", town, Set.of("admin")));
        townAdmin.body(Map.of("status", "COMPLETED", "evidence", "我们自己核验过了", "version", 0))
                .post("/api/rectification/items/" + id + "/status").then().statusCode(403);
        townAdmin.body(Map.of("status", "LONG_TERM", "evidence", "长期坚持", "version", 0))
                .post("/api/rectification/items/" + id + "/status").then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:status-forbidden"));
        townAdmin.body(Map.of("deadline", clock.today().plusDays(300).toString(), "version", 0))
                .put("/api/rectification/items/" + id + "/plan").then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:plan-forbidden"));
        townAdmin.body(Map.of("description", "自定措施", "owner", "镇里", "deadline", clock.today().toString()))
                .post("/api/rectification/items/" + id + "/measures").then().statusCode(403);
        assertThat(item(id).getInt("item.version")).isZero();
        // the county's administrator may
        admin().body(Map.of("status", "LONG_TERM", "evidence", "需长期坚持", "version", 0))
                .post("/api/rectification/items/" + id + "/status").then().statusCode(200);
    }

    @Test
    void theQuarantineShowsEachAdministratorTheirOwnCounty() {
        String town = newTownship();
        String marker = uuid();
        topic.raw(Topics.DISCREPANCIES, "warehouse-service/" + town + "/BATTERY_LOW/equipment/" + marker,
                "{\"broken\": \"" + marker + "\", \"division\": \"" + town + "\"");
        List<Map<String, Object>> mine = await().atMost(APPLIED).until(() -> admin()
                .get("/api/rectification/quarantine").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .filter(q -> String.valueOf(q.get("payload")).contains(marker)).toList(), list -> list.size() == 1);
        assertThat(mine.get(0)).containsEntry("division", town);

        List<Map<String, Object>> foreign = as(Tokens.token("admin-410183", "别县管理员", "410183", Set.of("admin")))
                .get("/api/rectification/quarantine").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$");
        assertThat(foreign).noneMatch(q -> String.valueOf(q.get("payload")).contains(marker)
                || String.valueOf(q.get("key")).contains(marker));
    }
}
