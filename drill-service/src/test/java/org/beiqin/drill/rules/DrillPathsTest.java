package org.beiqin.drill.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.drill.DrillTestBase;

import io.quarkus.test.junit.QuarkusTest;

/** The README's drill paths the rules' own tests do not walk: each ends or restates its finding. */
@QuarkusTest
class DrillPathsTest extends DrillTestBase {

    @Test
    void suppliesNotDrawnNamesWhatIsStillMissingAndOpensAgainWhenADrawIsReversed() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 6, 3, 9, 0));
        String id = heldDrill(town, plan(town, "防汛演练（部分出库）", false, List.of(
                supply("W-1", "life-jacket", "救生衣", 20), supply("W-1", "sandbag", "沙袋", 200))));
        clock.set(LocalDateTime.of(LocalDate.of(2026, 6, 4), LocalTime.of(0, 5)));
        sweep();
        assertThat(awaitOpened("SUPPLIES_NOT_DRAWN", id).summary().zh()).contains("救生衣").contains("沙袋");

        clock.set(LocalDateTime.of(2026, 6, 4, 9, 0));
        issueForDrill(town, id, "W-1", "life-jacket", 20);
        Discrepancy updated = discrepancies.await(EventTypes.DISCREPANCY_UPDATED, "SUPPLIES_NOT_DRAWN", id);
        assertThat(updated.summary().zh()).contains("沙袋 200件").doesNotContain("救生衣");

        String sandbags = issueForDrill(town, id, "W-1", "sandbag", 200);
        awaitResolved("SUPPLIES_NOT_DRAWN", id);
        reverse(town, sandbags, "sandbag", 200);
        Awaitility.await().atMost(EVENT_TIMEOUT).until(() ->
                discrepancies.count(EventTypes.DISCREPANCY_OPENED, "SUPPLIES_NOT_DRAWN", id) == 2);
    }

    @Test
    void anImportedThreeOutagesDrillEndsTheFinding() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 3, 1, 9, 0));
        heldDrill(town, plan(town, "普通防汛演练", false, List.of()));
        clock.set(LocalDateTime.of(2026, 5, 2, 9, 0));
        sweepUntilOpened(town);
        county().body(Map.of("plan", plan(town, "断网断电断路演练（纸质记录）", true, List.of()),
                "approvedAt", "2026-04-10T02:00:00Z", "actualStart", "2026-04-20T01:00:00Z",
                "actualEnd", "2026-04-20T04:00:00Z")).post("/api/drills/import").then().statusCode(201);
        awaitResolved("THREE_OUTAGES_NOT_DRILLED", town + ":2026");
    }

    @Test
    void aCancelledPlanNeedsNoContactsOrTasksAndAPartlyCompletedOneIsRestated() {
        String town = newTownship();
        Map<String, Object> plan = new HashMap<>(plan(town, "2026年防汛演练（联系人不全）", false, List.of()));
        plan.put("units", List.of(Map.of("name", "乔楼镇派出所"), Map.of("name", "乔楼镇卫生院")));
        plan.put("participants", List.of(Map.of("name", "刘伟")));
        String id = keeper(town).body(Map.of("plan", plan, "approvedAt", "2026-04-10T02:00:00Z"))
                .post("/api/drills/import").then().statusCode(201).extract().path("id");
        assertThat(awaitOpened("UNIT_WITHOUT_CONTACT", id).summary().zh()).contains("乔楼镇派出所").contains("乔楼镇卫生院");
        awaitOpened("ROLES_UNASSIGNED", id);

        int version = drill(town, id).getInt("version");
        keeper(town).body(Map.of("version", version, "units", List.of(
                Map.of("name", "乔楼镇派出所", "contact", "周所长", "phone", "0371-64660110"), Map.of("name", "乔楼镇卫生院"))))
                .put("/api/drills/" + id + "/units").then().statusCode(200);
        Discrepancy restated = discrepancies.await(EventTypes.DISCREPANCY_UPDATED, "UNIT_WITHOUT_CONTACT", id);
        assertThat(restated.summary().zh()).contains("乔楼镇卫生院").doesNotContain("乔楼镇派出所");

        keeper(town).body(Map.of("reason", "汛期提前，改为实战")).post("/api/drills/" + id + "/cancellation").then()
                .statusCode(200);
        assertThat(awaitResolved("UNIT_WITHOUT_CONTACT", id).resolution().reason().zh()).isEqualTo("演练已取消");
        awaitResolved("ROLES_UNASSIGNED", id);
    }

    private void sweepUntilOpened(String town) {
        sweep();
        awaitOpened("THREE_OUTAGES_NOT_DRILLED", town + ":2026");
    }

    /** The warehouse's reversal of an issue for the drill, as it publishes it. */
    private void reverse(String town, String movementId, String itemId, int quantity) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("movementId", UUID.randomUUID().toString());
        data.put("type", "REVERSAL");
        data.put("division", town);
        data.put("warehouseId", "W-1");
        data.put("itemId", itemId);
        data.put("itemName", "沙袋");
        data.put("quantity", quantity);
        data.put("delta", quantity);
        data.put("unit", "件");
        data.put("reversesMovementId", movementId);
        data.put("actor", "keeper");
        data.put("occurredAt", clock.instant().toString());
        data.put("recordedAt", clock.instant().toString());
        movements.event(Topics.WAREHOUSE_MOVEMENTS, itemId, "/warehouse-service", EventTypes.STOCK_MOVED,
                clock.instant(), EventTypes.STOCK_MOVED_SCHEMA, data);
    }
}
