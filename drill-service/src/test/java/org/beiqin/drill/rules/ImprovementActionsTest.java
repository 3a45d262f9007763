package org.beiqin.drill.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.drill.DrillTestBase;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Improvement actions as real records have them: a deadline the county extends with a reason, and
 * old drills imported with their evaluation and actions — past deadlines included, only there.
 */
@QuarkusTest
class ImprovementActionsTest extends DrillTestBase {

    @Test
    void theCountyExtendsAnOverdueActionWithAReasonAndOnlyThoseEntitledMayMoveIt() {
        String town = newTownship();
        String sibling = newTownship();
        clock.set(LocalDateTime.of(2026, 8, 1, 9, 0));
        String id = heldDrill(town, plan(town, "防汛演练（改进延期）", false, List.of()));
        String actionId = keeper(town).body(Map.of("evaluatedOn", "2026-08-01", "ratings",
                List.of(Map.of("objective", 1, "rating", "M"), Map.of("objective", 2, "rating", "S")),
                "actions", List.of(Map.of("description", "采购卫星电话备用电池", "owner", "乔楼镇应急办",
                        "deadline", "2026-08-15")))).post("/api/drills/" + id + "/evaluation").then().statusCode(201)
                .extract().path("actions[0].id");
        clock.set(LocalDateTime.of(2026, 8, 17, 9, 0));
        sweep();
        awaitOpened("IMPROVEMENT_OVERDUE", actionId);
        String path = "/api/drills/" + id + "/actions/" + actionId + "/deadline";
        Map<String, Object> extension = Map.of("deadline", "2026-09-30", "reason", "县应急办同意延期：备用电池统一采购",
                "version", 0);

        // who may not: a village below, a sibling township, another county; nor without a reason or into the past
        as(Tokens.keeper(town + "201")).body(extension).put(path).then().statusCode(404);
        keeper(sibling).body(extension).put(path).then().statusCode(404);
        as(Tokens.countyOffice("410183")).body(extension).put(path).then().statusCode(404);
        county().body(Map.of("deadline", "2026-09-30", "reason", " ", "version", 0)).put(path).then().statusCode(422)
                .contentType("application/problem+json");
        county().body(Map.of("deadline", "2026-08-16", "reason", "补录", "version", 0)).put(path).then()
                .statusCode(422).contentType("application/problem+json");
        // the township does not clear its own overdue action by moving the date: that is the county's extension
        office(town).body(extension).put(path).then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:deadline-overdue-county-only"));
        assertThat(drill(town, id).getString("actions[0].deadline")).isEqualTo("2026-08-15");

        // the county grants the extension: on record, and the action is no longer overdue
        county().body(extension).put(path).then().statusCode(200).body("deadline", equalTo("2026-09-30"))
                .body("deadlineChanges", hasSize(1)).body("deadlineChanges[0].from", equalTo("2026-08-15"))
                .body("deadlineChanges[0].to", equalTo("2026-09-30"))
                .body("deadlineChanges[0].reason", equalTo("县应急办同意延期：备用电池统一采购"));
        Discrepancy resolved = awaitResolved("IMPROVEMENT_OVERDUE", actionId);
        assertThat(resolved.resolution().reason().zh()).isEqualTo("改进措施时限已调整至 2026年9月30日");
        // the same date again says nothing new; a stale version is refused
        county().body(Map.of("deadline", "2026-09-30", "reason", "重复提交", "version", 1)).put(path).then()
                .statusCode(422).body("type", equalTo("urn:beiqin:problem:deadline-unchanged"));
        county().body(Map.of("deadline", "2026-10-08", "reason", "旧页面", "version", 0)).put(path).then()
                .statusCode(409);
        // before it is due again the organising township's office may reschedule it, with its reason; a keeper may not
        keeper(town).body(Map.of("deadline", "2026-10-15", "reason", "电池到货推迟", "version", 1)).put(path).then()
                .statusCode(403).body("type", equalTo("urn:beiqin:problem:deadline-change-forbidden"));
        office(town).body(Map.of("deadline", "2026-10-15", "reason", "电池到货推迟", "version", 1)).put(path).then()
                .statusCode(200).body("deadlineChanges", hasSize(2))
                .body("deadlineChanges[1].changedBy", equalTo("乔楼镇应急办"));

        clock.set(LocalDateTime.of(2026, 10, 16, 9, 0));
        sweep();
        assertThat(openedKeys("IMPROVEMENT_OVERDUE", actionId)).as("overdue again after the new deadline").hasSize(2);
        keeper(town).body(Map.of("evidence", "已采购 4 块备用电池并入库", "version", 2))
                .post("/api/drills/" + id + "/actions/" + actionId + "/completion").then().statusCode(200);
        county().body(Map.of("deadline", "2026-12-01", "reason", "再延", "version", 3)).put(path).then()
                .statusCode(409).body("type", equalTo("urn:beiqin:problem:action-done"))
                .body("detail", Matchers.containsString("2026年10月16日"));
    }

    @Test
    void theOpenActionsOfADivisionAreListedSoonestDeadlineFirstWithHowManyThereAre() {
        String town = newTownship();
        String sibling = newTownship();
        clock.set(LocalDateTime.of(2026, 9, 1, 9, 0));
        List<Map<String, Object>> ratings = List.of(Map.of("objective", 1, "rating", "S"), Map.of("objective", 2, "rating", "M"));
        String first = heldDrill(town, plan(town, "防汛演练（措施一览）", false, List.of()));
        List<String> ids = keeper(town).body(Map.of("evaluatedOn", "2026-09-01", "ratings", ratings, "actions", List.of(
                Map.of("description", "修订转移路线图", "owner", "乔楼镇应急办", "deadline", "2026-10-30"),
                Map.of("description", "补充救生衣 20 件", "owner", "乔楼镇应急办", "deadline", "2026-09-20"),
                Map.of("description", "培训新队员", "owner", "乔楼镇应急办", "deadline", "2026-10-01"))))
                .post("/api/drills/" + first + "/evaluation").then().statusCode(201).extract().path("actions.id");
        keeper(town).body(Map.of("evidence", "已培训 12 人", "version", 0))
                .post("/api/drills/" + first + "/actions/" + ids.get(2) + "/completion").then().statusCode(200);
        String village = town + "201";
        String villageDrill = heldDrill(village, plan(village, "村级防汛演练（措施一览）", false, List.of()));
        keeper(village).body(Map.of("evaluatedOn", "2026-09-01", "ratings", ratings, "actions", List.of(
                Map.of("description", "村广播检修", "owner", "沈洼村委", "deadline", "2026-09-25"))))
                .post("/api/drills/" + villageDrill + "/evaluation").then().statusCode(201);
        String other = heldDrill(sibling, plan(sibling, "邻镇防汛演练（措施一览）", false, List.of()));
        keeper(sibling).body(Map.of("evaluatedOn", "2026-09-01", "ratings", ratings, "actions", List.of(
                Map.of("description", "检修发电机", "owner", "邻镇应急办", "deadline", "2026-09-10"))))
                .post("/api/drills/" + other + "/evaluation").then().statusCode(201);

        // the township sees its own and its villages' open actions, soonest first; done ones and the sibling's not
        keeper(town).get("/api/drills/actions?division=" + town).then().statusCode(200)
                .body("total", equalTo(3))
                .body("actions.description", Matchers.contains("补充救生衣 20 件", "村广播检修", "修订转移路线图"))
                .body("actions[0].drillTitle", equalTo("防汛演练（措施一览）"))
                .body("actions[0].drillId", equalTo(first)).body("actions[1].division", equalTo(village));
        keeper(town).get("/api/drills/actions?division=" + town + "&limit=1").then().statusCode(200)
                .body("total", equalTo(3)).body("actions", hasSize(1))
                .body("actions[0].description", equalTo("补充救生衣 20 件"));
        // the village sees its own; the county sees both townships
        keeper(village).get("/api/drills/actions").then().statusCode(200).body("total", equalTo(1))
                .body("actions[0].description", equalTo("村广播检修"));
        county().get("/api/drills/actions?division=410182&limit=500").then().statusCode(200)
                .body("actions.description", Matchers.hasItems("补充救生衣 20 件", "检修发电机"));
        // nobody reads beyond their division; a limit outside 1–500 and a malformed division are refused
        keeper(sibling).get("/api/drills/actions?division=" + town).then().statusCode(403)
                .contentType("application/problem+json");
        keeper(village).get("/api/drills/actions?division=" + town).then().statusCode(403);
        as(Tokens.countyOffice("410183")).get("/api/drills/actions?division=" + town).then().statusCode(403);
        keeper(town).get("/api/drills/actions?division=41018x&limit=0").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", Matchers.containsInAnyOrder("division", "limit"));
        keeper(town).get("/api/drills/actions?division=" + town + "&limit=abc").then().statusCode(422)
                .body("errors.field", Matchers.contains("limit"));
    }

    private static RequestSpecification office(String town) {
        return as(Tokens.token("office-" + town, "乔楼镇应急办", town, Set.of("duty_officer")));
    }

    @Test
    void anOldDrillIsImportedWithItsEvaluationAndActionsAndAPastDeadlineIsOverdueAtOnce() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 3, 1, 9, 0));
        Map<String, Object> record = new HashMap<>(Map.of("plan", plan(town, "2025年防汛演练（纸质记录）", false, List.of()),
                "approvedAt", "2025-06-01T02:00:00Z", "actualStart", "2025-06-10T01:00:00Z",
                "actualEnd", "2025-06-10T04:00:00Z", "evaluatedOn", "2025-06-12",
                "ratings", List.of(Map.of("objective", 1, "rating", "S"), Map.of("objective", 2, "rating", "M"))));
        // the dates still follow one another: no action before its evaluation, no done without evidence
        record.put("actions", List.of(Map.of("description", "补充救生衣", "owner", "乔楼镇应急办", "deadline", "2025-06-01"),
                Map.of("description", "修订预案", "owner", "乔楼镇应急办", "deadline", "2025-07-01",
                        "doneOn", "2025-06-20")));
        keeper(town).body(record).post("/api/drills/import").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", Matchers.hasItems(
                        "actions[0].deadline", "actions[1].evidence"));
        Map<String, Object> noEvaluation = new HashMap<>(record);
        noEvaluation.remove("evaluatedOn");
        noEvaluation.put("actions", List.of(Map.of("description", "补充救生衣", "owner", "乔楼镇应急办",
                "deadline", "2025-07-01")));
        keeper(town).body(noEvaluation).post("/api/drills/import").then().statusCode(422)
                .body("type", equalTo("urn:beiqin:problem:actions-without-evaluation"));

        record.put("actions", List.of(Map.of("description", "补充救生衣 30 件", "owner", "乔楼镇应急办", "deadline", "2025-07-01"),
                Map.of("description", "修订预案", "owner", "乔楼镇应急办", "deadline", "2025-07-01",
                        "doneOn", "2025-06-20", "evidence", "预案已修订并印发")));
        String id = keeper(town).body(record).post("/api/drills/import").then().statusCode(201)
                .body("status", equalTo("EVALUATED")).body("actions", hasSize(2))
                .body("actions[1].status", equalTo("DONE")).extract().path("id");
        String open = drill(town, id).getString("actions[0].id");
        String done = drill(town, id).getString("actions[1].id");
        Discrepancy overdue = awaitOpened("IMPROVEMENT_OVERDUE", open);
        assertThat(overdue.summary().zh()).contains("补充救生衣 30 件").contains("已过时限 2025年7月1日");
        assertThat(openedKeys("IMPROVEMENT_OVERDUE", done)).as("done on time in the old record").isEmpty();
        sweep();
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_UPDATED, "IMPROVEMENT_OVERDUE", open))
                .as("a sweep with nothing new says nothing").isZero();
    }

    @Test
    void anOpenFindingNamesWhoIsStillWithoutATaskAsThePlanIsCompleted() {
        String town = newTownship();
        Map<String, Object> plan = new HashMap<>(plan(town, "2024年防汛演练（任务不明）", false, List.of()));
        plan.put("participants", List.of(Map.of("name", "刘伟"), Map.of("name", "陈静"), Map.of("name", "王强", "role", "警戒")));
        String id = keeper(town).body(Map.of("plan", plan, "approvedAt", "2024-06-20T02:00:00Z"))
                .post("/api/drills/import").then().statusCode(201).extract().path("id");
        Discrepancy opened = awaitOpened("ROLES_UNASSIGNED", id);
        assertThat(opened.summary().zh()).contains("刘伟").contains("陈静");

        int version = drill(town, id).getInt("version");
        keeper(town).body(Map.of("version", version, "participants", List.of(Map.of("name", "刘伟", "role", "通信保障"),
                Map.of("name", "陈静"), Map.of("name", "王强", "role", "警戒")))).put("/api/drills/" + id + "/participants")
                .then().statusCode(200);
        Discrepancy updated = discrepancies.await(EventTypes.DISCREPANCY_UPDATED, "ROLES_UNASSIGNED", id);
        assertThat(updated.summary().zh()).contains("1 名").contains("陈静").doesNotContain("刘伟");
        assertThat(updated.detectedAt()).isEqualTo(opened.detectedAt());

        keeper(town).body(Map.of("version", version + 1, "participants", List.of(
                Map.of("name", "刘伟", "role", "通信保障"), Map.of("name", "陈静", "role", "医疗救护"),
                Map.of("name", "王强", "role", "警戒")))).put("/api/drills/" + id + "/participants").then().statusCode(200);
        awaitResolved("ROLES_UNASSIGNED", id);
    }
}
