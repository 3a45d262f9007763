package org.beiqin.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Plan → approval → conduct → evaluation, and every refusal on the way with its problem+json. */
@QuarkusTest
class DrillLifecycleTest extends DrillTestBase {

    @Test
    void aDrillGoesFromPlanToEvaluationWithImprovementActions() {
        String town = newTownship();
        // a fixed morning: the drill, its approval and "yesterday" fall on the days the test means,
        // whatever time of day it runs (at 21:00–24:00 Beijing time, +3 h crossed midnight)
        clock.set(LocalDateTime.of(2026, 5, 12, 9, 0));
        Map<String, Object> plan = new HashMap<>(plan(town, "乔楼镇防汛综合演练", false, List.of()));
        plan.put("units", List.of(Map.of("name", "乔楼镇应急办", "contact", "李主任", "phone", "0371-64660001"),
                Map.of("name", "沈洼村委会")));
        plan.put("participants", List.of(Map.of("name", "张强", "role", "现场指挥"), Map.of("name", "赵磊", "role", " ")));
        String key = uuid();
        String id = keeper(town).header("Idempotency-Key", key).body(plan).post("/api/drills").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
        keeper(town).header("Idempotency-Key", key).body(plan).post("/api/drills").then().statusCode(201)
                .body("id", equalTo(id));

        // approval is refused while a unit has no contact or a participant no task, each named
        keeper(town).post("/api/drills/" + id + "/approval").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("units[1].contact", "participants[1].role"))
                .body("errors.message", hasItem("请填写该参演单位的联系人和电话"));
        assertThat(drill(town, id).getString("status")).isEqualTo("DRAFT");

        keeper(town).body(Map.of("version", 0, "units", List.of(
                Map.of("name", "乔楼镇应急办", "contact", "李主任", "phone", "0371-64660001"),
                Map.of("name", "沈洼村委会", "contact", "王支书", "phone", "13800000001"))))
                .put("/api/drills/" + id + "/units").then().statusCode(200);
        keeper(town).body(Map.of("version", 0, "participants", List.of(Map.of("name", "张强", "role", "现场指挥"))))
                .put("/api/drills/" + id + "/participants").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:stale-version"));
        keeper(town).body(Map.of("version", 1, "participants", List.of(Map.of("name", "张强", "role", "现场指挥"),
                Map.of("name", "赵磊", "role", "转移群众")))).put("/api/drills/" + id + "/participants").then()
                .statusCode(200);
        String approval = uuid();
        JsonPath approved = keeper(town).header("Idempotency-Key", approval).post("/api/drills/" + id + "/approval")
                .then().statusCode(200).extract().jsonPath();
        assertThat(approved.getString("status")).isEqualTo("APPROVED");
        assertThat(approved.getString("reference")).contains(id);
        // the same approval resent (its answer was lost) is answered as the first time; a new one is refused
        keeper(town).header("Idempotency-Key", approval).post("/api/drills/" + id + "/approval").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("status", equalTo("APPROVED"))
                .body("reference", equalTo(approved.getString("reference")));
        keeper(town).post("/api/drills/" + id + "/approval").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:drill-status"));

        // held: not before the approval, not ending before it starts
        Instant approvedAt = Instant.parse(approved.getString("approvedAt"));
        keeper(town).body(Map.of("actualStart", approvedAt.minusSeconds(3600).toString(),
                "actualEnd", approvedAt.toString())).post("/api/drills/" + id + "/conduct").then().statusCode(422)
                .body("type", equalTo("urn:beiqin:problem:conducted-before-approval"));
        clock.advance(Duration.ofHours(3));
        keeper(town).body(Map.of("actualStart", clock.instant().toString(),
                "actualEnd", clock.instant().minusSeconds(60).toString())).post("/api/drills/" + id + "/conduct").then()
                .statusCode(422).body("errors.field", hasItem("actualEnd"));
        Instant start = clock.instant().minus(Duration.ofHours(2));
        keeper(town).body(Map.of("actualStart", start.toString(), "actualEnd", clock.instant().toString(),
                "tookPart", List.of("张强", "赵磊"), "deviations", "断电情景改为模拟")).post("/api/drills/" + id + "/conduct")
                .then().statusCode(200).body("status", equalTo("CONDUCTED"));

        // the evaluation: never dated before the drill, every objective rated once
        Map<String, Object> evaluation = new HashMap<>(Map.of("evaluatedOn", clock.today().minusDays(1).toString(),
                "ratings", List.of(Map.of("objective", 1, "rating", "S", "notes", "转移用时 42 分钟"),
                        Map.of("objective", 2, "rating", "M")),
                "strengths", "群众转移有序", "areasForImprovement", "卫星电话未充电",
                "actions", List.of(Map.of("description", "卫星电话每月充电检查", "owner", "乔楼镇应急办",
                        "deadline", clock.today().plusDays(30).toString()))));
        keeper(town).body(evaluation).post("/api/drills/" + id + "/evaluation").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:beiqin:problem:evaluation-before-plan"));
        evaluation.put("evaluatedOn", clock.today().toString());
        evaluation.put("ratings", List.of(Map.of("objective", 1, "rating", "S")));
        keeper(town).body(evaluation).post("/api/drills/" + id + "/evaluation").then().statusCode(422)
                .body("errors.field", hasItem("ratings"));
        evaluation.put("ratings", List.of(Map.of("objective", 1, "rating", "S"), Map.of("objective", 2, "rating", "X")));
        keeper(town).body(evaluation).post("/api/drills/" + id + "/evaluation").then().statusCode(422)
                .body("errors.field", hasItem("ratings[1].rating"));
        evaluation.put("ratings", List.of(Map.of("objective", 1, "rating", "S", "notes", "转移用时 42 分钟"),
                Map.of("objective", 2, "rating", "M")));
        JsonPath evaluated = keeper(town).body(evaluation).post("/api/drills/" + id + "/evaluation").then()
                .statusCode(201).extract().jsonPath();
        assertThat(evaluated.getString("status")).isEqualTo("EVALUATED");
        assertThat(evaluated.getString("evaluation.ratings[1].rating")).isEqualTo("M");
        assertThat(evaluated.getList("actions")).hasSize(1);
        assertThat(evaluated.getString("actions[0].status")).isEqualTo("OPEN");
        keeper(town).body(evaluation).post("/api/drills/" + id + "/evaluation").then().statusCode(409);
        keeper(town).body(Map.of("reason", "重复")).post("/api/drills/" + id + "/cancellation").then().statusCode(409);

        // the county sees it evaluated, with one open improvement action
        List<Map<String, Object>> listed = county().queryParam("division", town).get("/api/drills").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(listed).singleElement().satisfies(d -> assertThat(d).containsEntry("evaluated", true)
                .containsEntry("openActions", 1).containsEntry("statusLabel", "已评估"));
    }

    @Test
    void draftsAreEditedWithTheirVersionAndOnlyInTheirDivision() {
        String town = newTownship();
        String id = create(town, plan(town, "演练草稿", false, List.of()));
        Map<String, Object> changed = new HashMap<>(plan(town, "演练草稿（修订）", true, List.of()));
        keeper(town).body(changed).put("/api/drills/" + id + "/plan").then().statusCode(422)
                .body("errors.field", hasItem("If-Match"));
        keeper(town).header("If-Match", "0").body(changed).put("/api/drills/" + id + "/plan").then().statusCode(200)
                .body("title", equalTo("演练草稿（修订）")).body("scenario.threeOutages", equalTo(true));
        keeper(town).header("If-Match", "0").body(changed).put("/api/drills/" + id + "/plan").then().statusCode(409);

        String other = newTownship();
        keeper(other).get("/api/drills/" + id).then().statusCode(404).contentType("application/problem+json");
        keeper(other).body(plan(town, "越权", false, List.of())).post("/api/drills").then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:division-forbidden"));
        as(Tokens.expired(town)).get("/api/drills").then().statusCode(401);
        Map<String, Object> bad = new HashMap<>(plan(town, "", false, List.of()));
        bad.put("kind", "PARADE");
        keeper(town).body(bad).post("/api/drills").then().statusCode(400).contentType("application/problem+json");
        assertThat(keeper(town).queryParam("division", town).get("/api/drills").then().statusCode(200).extract()
                .jsonPath().getList("$")).hasSize(1);
    }

    @Test
    void aCancelledDrillCannotBeHeld() {
        String town = newTownship();
        String id = create(town, plan(town, "取消的演练", false, List.of()));
        keeper(town).body(Map.of("reason", "暴雨预警，推迟")).post("/api/drills/" + id + "/cancellation").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        keeper(town).post("/api/drills/" + id + "/approval").then().statusCode(409);
    }

    @Test
    void onlyADraftsPlanIsEditedAnApprovedDrillMayBeCalledOffAndAHeldOneMayNot() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 5, 18, 9, 0));
        String id = create(town, plan(town, "汛前演练", false, List.of()));
        keeper(town).post("/api/drills/" + id + "/approval").then().statusCode(200);
        int approvedVersion = drill(town, id).getInt("version");

        // what was approved is what is held: the plan itself is no longer edited
        Map<String, Object> changed = new HashMap<>(plan(town, "汛前演练（改）", true, List.of()));
        keeper(town).header("If-Match", String.valueOf(approvedVersion)).body(changed)
                .put("/api/drills/" + id + "/plan").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:drill-status"));
        assertThat(drill(town, id).getString("title")).isEqualTo("汛前演练");
        // an approved drill can still be called off, with its reason
        keeper(town).body(Map.of("reason", "暴雨红色预警，改期")).post("/api/drills/" + id + "/cancellation").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("statusLabel", equalTo("已取消"));

        // a held drill cannot be cancelled afterwards: it happened
        String held = heldDrill(town, plan(town, "已开展的演练", false, List.of()));
        keeper(town).body(Map.of("reason", "补记取消")).post("/api/drills/" + held + "/cancellation").then()
                .statusCode(409).body("type", equalTo("urn:beiqin:problem:drill-status"));
        assertThat(drill(town, held).getString("status")).isEqualTo("CONDUCTED");
    }

    @Test
    void theListReadsADateRangeOfScheduledDaysAndRefusesABackwardsOne() {
        String town = newTownship();
        for (String day : List.of("2026-04-10", "2026-05-20", "2026-06-30")) {
            Map<String, Object> dated = new HashMap<>(plan(town, "演练 " + day, false, List.of()));
            dated.put("scheduledOn", day);
            create(town, dated);
        }
        assertThat(keeper(town).queryParam("division", town).queryParam("from", "2026-05-01").queryParam("to", "2026-06-30")
                .get("/api/drills").then().statusCode(200).extract().jsonPath().getList("scheduledOn"))
                .containsExactly("2026-06-30", "2026-05-20");
        assertThat(keeper(town).queryParam("division", town).queryParam("to", "2026-04-30").get("/api/drills").then()
                .statusCode(200).extract().jsonPath().getList("title")).containsExactly("演练 2026-04-10");
        keeper(town).queryParam("division", town).queryParam("from", "2026-07-01").queryParam("to", "2026-06-01")
                .get("/api/drills").then().statusCode(422).body("errors.field", hasItem("to"))
                .body("errors.message", hasItem("截止日期不能早于起始日期"));
        keeper(town).queryParam("division", town).queryParam("from", "五月").get("/api/drills").then().statusCode(422)
                .body("errors.field", hasItem("from"));
    }
}
