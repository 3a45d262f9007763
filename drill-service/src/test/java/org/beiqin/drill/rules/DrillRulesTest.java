package org.beiqin.drill.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.beiqin.commons.consumer.ConsumedEvents;
import org.beiqin.contract.Discrepancy;
import org.beiqin.drill.DrillTestBase;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Each drill rule opening and resolving through the outbox, with its boundary day. */
@QuarkusTest
class DrillRulesTest extends DrillTestBase {

    @jakarta.inject.Inject
    ConsumedEvents consumed;

    /** Whether the draw was kept aside in quarantine with its reason. */
    private boolean quarantined(String movementId) {
        return consumed.quarantined("", 1000).stream().anyMatch(q -> q.payload() != null
                && q.payload().contains(movementId) && q.reason().contains("was not open for draws"));
    }

    @Test
    void evaluationMissingOpensTheDayAfterTheSeventhAndResolvesWhenFiled() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 7, 10, 9, 0));
        String id = heldDrill(town, plan(town, "防汛演练（无评估）", false, List.of()));
        clock.set(LocalDateTime.of(2026, 7, 17, 23, 0)); // the seventh day after: still in time
        sweep();
        assertThat(openedKeys("EVALUATION_MISSING", id)).isEmpty();
        clock.set(LocalDateTime.of(2026, 7, 18, 8, 0));
        sweep();
        Discrepancy opened = awaitOpened("EVALUATION_MISSING", id);
        assertThat(opened.summary().zh()).contains("2026年7月10日").contains("7 天内未提交总结评估");
        assertThat(opened.severity()).isEqualTo("medium");

        keeper(town).body(Map.of("evaluatedOn", "2026-07-18", "ratings", List.of(Map.of("objective", 1, "rating", "P"),
                Map.of("objective", 2, "rating", "S")))).post("/api/drills/" + id + "/evaluation").then()
                .statusCode(201);
        awaitResolved("EVALUATION_MISSING", id);
    }

    @Test
    void aCountyCanGiveFewerDaysForTheEvaluation() {
        String town = "410183" + newTownship().substring(6);
        clock.set(LocalDateTime.of(2026, 7, 10, 9, 0));
        String id = heldDrill(town, plan(town, "三天内须评估", false, List.of()));
        clock.set(LocalDateTime.of(2026, 7, 14, 8, 0));
        sweep();
        assertThat(awaitOpened("EVALUATION_MISSING", id).evidence()).containsEntry("due", "2026-07-13");
    }

    @Test
    void importedHistoryWithAnEarlyEvaluationMissingContactsAndTasksIsFlaggedUntilCorrected() {
        String town = newTownship();
        Map<String, Object> plan = new HashMap<>(plan(town, "2024年防汛演练（纸质记录）", false, List.of()));
        plan.put("units", List.of(Map.of("name", "乔楼镇派出所")));
        plan.put("participants", List.of(Map.of("name", "刘伟"), Map.of("name", "陈静", "role", "通信保障")));
        String id = keeper(town).body(Map.of("plan", plan, "approvedAt", "2024-06-20T02:00:00Z",
                "actualStart", "2024-06-25T01:00:00Z", "actualEnd", "2024-06-25T04:00:00Z",
                "evaluatedOn", "2024-06-10", "ratings", List.of())).post("/api/drills/import").then().statusCode(201)
                .body("status", equalTo("EVALUATED")).body("imported", equalTo(true)).extract().path("id");

        Discrepancy early = awaitOpened("EVALUATION_BEFORE_PLAN", id);
        assertThat(early.evidence()).containsEntry("evaluatedOn", "2024-06-10").containsEntry("approvedOn", "2024-06-20");
        assertThat(awaitOpened("UNIT_WITHOUT_CONTACT", id).summary().zh()).contains("乔楼镇派出所");
        assertThat(awaitOpened("ROLES_UNASSIGNED", id).summary().zh()).contains("刘伟").doesNotContain("陈静");

        // the API will not take the wrong date again, but takes the right one
        keeper(town).body(Map.of("evaluatedOn", "2024-06-24")).put("/api/drills/" + id + "/evaluation/date").then()
                .statusCode(422).body("type", equalTo("urn:beiqin:problem:evaluation-before-plan"));
        keeper(town).body(Map.of("evaluatedOn", "2024-06-28")).put("/api/drills/" + id + "/evaluation/date").then()
                .statusCode(200);
        awaitResolved("EVALUATION_BEFORE_PLAN", id);

        int version = drill(town, id).getInt("version");
        keeper(town).body(Map.of("version", version, "units", List.of(
                Map.of("name", "乔楼镇派出所", "contact", "周所长", "phone", "0371-64660110"))))
                .put("/api/drills/" + id + "/units").then().statusCode(200);
        awaitResolved("UNIT_WITHOUT_CONTACT", id);
        keeper(town).body(Map.of("version", version + 1, "participants", List.of(Map.of("name", "刘伟", "role", "警戒"),
                Map.of("name", "陈静", "role", "通信保障")))).put("/api/drills/" + id + "/participants").then()
                .statusCode(200);
        awaitResolved("ROLES_UNASSIGNED", id);
    }

    @Test
    void suppliesNotDrawnFollowsTheWarehouseLedgersIssueMovements() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 6, 3, 9, 0));
        String id = heldDrill(town, plan(town, "防汛演练（物资未出库）", false, List.of(
                supply("W-1", "life-jacket", "救生衣", 20), supply("W-1", "sandbag", "沙袋", 200))));
        issueForDrill(town, id, "W-1", "life-jacket", 20);

        sweep(); // the drill day is not over yet
        assertThat(openedKeys("SUPPLIES_NOT_DRAWN", id)).isEmpty();
        clock.set(LocalDateTime.of(LocalDate.of(2026, 6, 4), LocalTime.of(0, 5)));
        Awaitility.await().atMost(EVENT_TIMEOUT).until(() -> drill(town, id).getList("drawn").size() == 1);
        sweep();
        Discrepancy opened = awaitOpened("SUPPLIES_NOT_DRAWN", id);
        assertThat(opened.summary().zh()).contains("沙袋 200件").doesNotContain("救生衣");

        // a warehouse of another county cannot settle this drill: its draw is set aside, not counted
        String foreign = issueForDrill("410183101", id, "W-9", "sandbag", 200);
        Awaitility.await().atMost(EVENT_TIMEOUT).until(() -> quarantined(foreign));
        assertThat(openedKeys("SUPPLIES_NOT_DRAWN", id)).isNotEmpty();

        issueForDrill(town, id, "W-1", "sandbag", 150);
        Discrepancy resolved = awaitResolved("SUPPLIES_NOT_DRAWN", id);
        assertThat(resolved.resolution().evidence()).containsEntry("drawn", 2);
        assertThat(drill(town, id).getList("drawn.itemId")).containsExactlyInAnyOrder("life-jacket", "sandbag");
        assertThat(drill(town, id).getList("drawn.warehouseId")).doesNotContain("W-9");

        // nor can a draw three weeks after the drill
        clock.set(LocalDateTime.of(2026, 6, 25, 9, 0));
        String late = issueForDrill(town, id, "W-1", "sandbag", 10);
        Awaitility.await().atMost(EVENT_TIMEOUT).until(() -> quarantined(late));
        assertThat(drill(town, id).getList("drawn")).hasSize(2);
    }

    @Test
    void anImprovementActionPastItsDeadlineIsOverdueUntilDone() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 8, 1, 9, 0));
        String id = heldDrill(town, plan(town, "演练改进", false, List.of()));
        String actionId = keeper(town).body(Map.of("evaluatedOn", "2026-08-01", "ratings",
                List.of(Map.of("objective", 1, "rating", "M"), Map.of("objective", 2, "rating", "U")),
                "actions", List.of(Map.of("description", "补充配备卫星电话备用电池", "owner", "乔楼镇应急办",
                        "deadline", "2026-08-15")))).post("/api/drills/" + id + "/evaluation").then().statusCode(201)
                .extract().path("actions[0].id");

        clock.set(LocalDateTime.of(2026, 8, 15, 22, 0));
        sweep();
        assertThat(openedKeys("IMPROVEMENT_OVERDUE", actionId)).isEmpty();
        clock.set(LocalDateTime.of(2026, 8, 16, 9, 0));
        sweep();
        assertThat(awaitOpened("IMPROVEMENT_OVERDUE", actionId).summary().zh()).contains("补充配备卫星电话备用电池")
                .contains("已过时限 2026年8月15日");

        keeper(town).body(Map.of("evidence", "已购置备用电池 2 块", "version", 0))
                .post("/api/drills/" + id + "/actions/" + actionId + "/completion").then().statusCode(200)
                .body("status", equalTo("DONE"));
        awaitResolved("IMPROVEMENT_OVERDUE", actionId);
        keeper(town).body(Map.of("evidence", "再次", "version", 1))
                .post("/api/drills/" + id + "/actions/" + actionId + "/completion").then().statusCode(409);
    }

    @Test
    void aTownshipWithoutAThreeOutagesDrillIsFlaggedBeforeFloodSeasonUntilItHoldsOne() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 3, 1, 9, 0));
        heldDrill(town, plan(town, "普通防汛演练", false, List.of()));

        clock.set(LocalDateTime.of(2026, 5, 1, 9, 0)); // 31 days before 1 June: not yet checked
        sweep();
        assertThat(openedKeys("THREE_OUTAGES_NOT_DRILLED", town)).isEmpty();
        clock.set(LocalDateTime.of(2026, 5, 2, 9, 0));
        sweep();
        Discrepancy opened = awaitOpened("THREE_OUTAGES_NOT_DRILLED", town + ":2026");
        assertThat(opened.evidence()).containsEntry("since", "2025-06-01").containsEntry("seasonStart", "2026-06-01");
        assertThat(opened.severity()).isEqualTo("high");

        List<Map<String, Object>> standing = county().queryParam("season", 2026).get("/api/drills/three-outages")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(standing).filteredOn(s -> town.equals(s.get("township"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("drilled", false).containsEntry("checkedNow", true));

        heldDrill(town, plan(town, "断网断电断路演练", true, List.of()));
        awaitResolved("THREE_OUTAGES_NOT_DRILLED", town + ":2026");
        assertThat(county().queryParam("season", 2026).get("/api/drills/three-outages").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(s -> town.equals(s.get("township"))).findFirst().orElseThrow())
                .containsEntry("drilled", true).containsEntry("lastDrilled", "2026-05-02");
        // a keeper of another county sees none of it
        as(Tokens.keeper("410183001")).queryParam("division", "410182").get("/api/drills/three-outages").then()
                .statusCode(403);
    }
}
