package org.beiqin.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What people do to an item: the six clears, measures, progress and the sign-off that only the county may give. */
@QuarkusTest
class LedgerCommandsTest extends RectificationTestBase {

    private String openItem(String town, String subject) {
        Discrepancy finding = finding(town, "ISSUED_NOT_RETURNED", "medium", subject, clock.instant());
        sendOpened(finding);
        return awaitItem(town, finding.key(), d -> true).getString("item.id");
    }

    @Test
    void theCountyOfficeSetsTheSixClearsAndAStaleEditIsRefusedNotMerged() {
        String town = newTownship();
        String id = openItem(town, "L-1");
        String deadline = clock.today().plusDays(30).toString();
        JsonPath planned = county().body(Map.of("target", "发放物资全部收回或核销", "responsibleLeader", "王副镇长",
                "responsibleDepartment", "乔楼镇应急办", "responsiblePerson", "李保管", "deadline", deadline, "version", 0))
                .put("/api/rectification/items/" + id + "/plan").then().statusCode(200).extract().jsonPath();
        assertThat(planned.getString("target")).isEqualTo("发放物资全部收回或核销");
        assertThat(planned.getString("responsibleLeader")).isEqualTo("王副镇长");
        assertThat(planned.getString("item.responsibleDepartment")).isEqualTo("乔楼镇应急办");
        assertThat(planned.getString("item.deadline")).isEqualTo(deadline);
        assertThat(planned.getInt("item.version")).isEqualTo(1);
        assertThat(planned.getList("history.kind")).contains("PLAN_CHANGED");

        // someone who read version 0 submits later: refused, and the first edit stands
        county().body(Map.of("target", "另一个目标", "deadline", deadline, "version", 0))
                .put("/api/rectification/items/" + id + "/plan").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:beiqin:problem:stale-version"))
                .body("currentVersion", equalTo(1)).body("title", equalTo("已被他人修改"));
        assertThat(item(id).getString("target")).isEqualTo("发放物资全部收回或核销");

        // a deadline moved into the past is refused with the field named
        county().body(Map.of("deadline", clock.today().minusDays(1).toString(), "version", 1))
                .put("/api/rectification/items/" + id + "/plan").then().statusCode(422)
                .body("errors.field", hasItem("deadline"));
        // a keeper cannot set the plan
        as(Tokens.keeper(town)).body(Map.of("deadline", deadline, "version", 1))
                .put("/api/rectification/items/" + id + "/plan").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(item(id).getInt("item.version")).isEqualTo(1);
    }

    @Test
    void measuresAreAddedOncePerKeyAndDoneOnlyWithEvidence() {
        String town = newTownship();
        String id = openItem(town, "L-2");
        Map<String, Object> measure = Map.of("description", "逐人核对发放登记，收回未归还的救生衣", "owner", "李保管",
                "deadline", clock.today().plusDays(10).toString());
        String key = uuid();
        String measureId = county().header("Idempotency-Key", key).body(measure)
                .post("/api/rectification/items/" + id + "/measures").then().statusCode(201)
                .body("position", equalTo(1)).body("status", equalTo("PLANNED")).extract().path("id");
        county().header("Idempotency-Key", key).body(measure).post("/api/rectification/items/" + id + "/measures")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(measureId));
        county().body(Map.of("description", "建立发放归还台账", "owner", "乔楼镇应急办",
                "deadline", clock.today().plusDays(20).toString())).post("/api/rectification/items/" + id + "/measures")
                .then().statusCode(201).body("position", equalTo(2));
        assertThat(item(id).getList("measures")).hasSize(2);

        // the unit reports progress; "done" needs evidence
        as(Tokens.keeper(town)).body(Map.of("status", "DONE", "version", 0))
                .put("/api/rectification/items/" + id + "/measures/" + measureId).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("evidence"))
                .body("errors.message", hasItem("须附整改情况（证据）"));
        as(Tokens.keeper(town)).body(Map.of("status", "DONE", "evidence", "已收回救生衣 6 件，见归还记录", "version", 0))
                .put("/api/rectification/items/" + id + "/measures/" + measureId).then().statusCode(200)
                .body("status", equalTo("DONE")).body("doneBy", equalTo("库管员" + town));
        JsonPath detail = item(id);
        assertThat(detail.getLong("item.measuresDone")).isEqualTo(1);
        assertThat(detail.getString("measures[0].evidence")).isEqualTo("已收回救生衣 6 件，见归还记录");

        // a measure with a deadline in the past, or without an owner, is refused
        county().body(Map.of("description", "补录", "owner", " ", "deadline", clock.today().minusDays(1).toString()))
                .post("/api/rectification/items/" + id + "/measures").then().statusCode(422)
                .body("errors.field", hasItem("owner")).body("errors.field", hasItem("deadline"));
        assertThat(item(id).getList("measures")).hasSize(2);
    }

    @Test
    void onlyTheCountyOfficeSignsAnItemOffAndOnlyWithEvidence() {
        String town = newTownship();
        String id = openItem(town, "L-3");

        as(Tokens.keeper(town)).body(Map.of("status", "COMPLETED", "evidence", "我们已整改", "version", 0))
                .post("/api/rectification/items/" + id + "/status").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:beiqin:problem:sign-off-forbidden"))
                .body("detail", containsString("责任单位不能自行销号"));
        as(Tokens.keeper(town)).body(Map.of("status", "LONG_TERM", "version", 0))
                .post("/api/rectification/items/" + id + "/status").then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:status-forbidden"));
        county().body(Map.of("status", "COMPLETED", "evidence", "  ", "version", 0))
                .post("/api/rectification/items/" + id + "/status").then().statusCode(422)
                .body("errors.field", hasItem("evidence"));
        assertThat(item(id).getString("item.status")).isEqualTo("NOT_COMPLETED");

        JsonPath signed = county().body(Map.of("status", "COMPLETED", "evidence", "实地查看归还登记，已全部收回", "version", 0))
                .post("/api/rectification/items/" + id + "/status").then().statusCode(200).extract().jsonPath();
        assertThat(signed.getString("item.status")).isEqualTo("COMPLETED");
        assertThat(signed.getString("verification.by")).isEqualTo("county-410182");
        assertThat(signed.getString("verification.evidence")).isEqualTo("实地查看归还登记，已全部收回");
        assertThat(signed.getString("item.closedAt")).isNotNull();
        assertThat(signed.getList("history.kind")).contains("SIGNED_OFF");

        // the office can take it back to long-term; the sign-off's verification goes with it
        JsonPath longTerm = county().body(Map.of("status", "LONG_TERM", "evidence", "需纳入年度计划", "version",
                signed.getInt("item.version"))).post("/api/rectification/items/" + id + "/status").then()
                .statusCode(200).extract().jsonPath();
        assertThat(longTerm.getString("item.status")).isEqualTo("LONG_TERM");
        assertThat(longTerm.getString("verification")).isNull();

        // the same status again with a note: the note is kept in the history, the status stays
        JsonPath noted = county().body(Map.of("status", "LONG_TERM", "evidence", "已列入明年预算", "version",
                longTerm.getInt("item.version"))).post("/api/rectification/items/" + id + "/status").then()
                .statusCode(200).extract().jsonPath();
        assertThat(noted.getString("item.status")).isEqualTo("LONG_TERM");
        List<String> texts = noted.getList("history.text", String.class);
        assertThat(texts.get(texts.size() - 1)).endsWith("确认状态仍为“长期整改”：已列入明年预算");
        // and with nothing to say, nothing is written
        JsonPath again = county().body(Map.of("status", "LONG_TERM", "version", noted.getInt("item.version")))
                .post("/api/rectification/items/" + id + "/status").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("history")).hasSameSizeAs(noted.getList("history"));
        assertThat(again.getInt("item.version")).isEqualTo(noted.getInt("item.version"));
    }

    @Test
    void aTownshipSeesOnlyItsOwnItemsAndACountyOnlyItsCounty() {
        String town = newTownship();
        String other = newTownship();
        String id = openItem(town, "L-4");
        as(Tokens.keeper(town)).get("/api/rectification/items/" + id).then().statusCode(200);
        as(Tokens.keeper(other)).get("/api/rectification/items/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.countyOffice("410183")).get("/api/rectification/items/" + id).then().statusCode(404);
        as(Tokens.keeper(other)).queryParam("division", town).get("/api/rectification/items").then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:division-forbidden"));
        as(Tokens.keeper(other)).body(Map.of("status", "IN_PROGRESS", "version", 0))
                .put("/api/rectification/items/" + id + "/measures/" + uuid()).then().statusCode(404);
        as(Tokens.expired(town)).get("/api/rectification/items").then().statusCode(401)
                .contentType("application/problem+json");
        as(Tokens.foreign(town)).get("/api/rectification/items").then().statusCode(401);
    }

    @Test
    void badQueriesAndBodiesAreNamedNotGuessed() {
        String town = newTownship();
        String id = openItem(town, "L-5");
        county().queryParam("status", "DONE_ALREADY").queryParam("from", "yesterday").queryParam("size", 5000)
                .get("/api/rectification/items").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("status")).body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("size"));
        county().body(Map.of("status", "FINISHED", "version", 0)).post("/api/rectification/items/" + id + "/status")
                .then().statusCode(400).contentType("application/problem+json");
        county().body(Map.of("deadline", clock.today().plusDays(3).toString(), "version", 0, "owner", "x"))
                .put("/api/rectification/items/" + id + "/plan").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(item(id).getInt("item.version")).isZero();
    }
}
