package org.beiqin.warehouse.rules;

import java.util.HashMap;
import java.util.Map;

import org.beiqin.testing.Tokens;
import org.beiqin.warehouse.WarehouseTestBase;

/** Helpers shared by the rule tests. */
abstract class RuleTestBase extends WarehouseTestBase {

    /** Runs the periodic sweep now, as the county office can. */
    protected void sweep() {
        as(Tokens.countyOffice("410182")).post("/api/warehouse/discrepancies/sweep").then().statusCode(200);
    }

    /** Drinking water, a shelf-life item kept in lots. */
    protected static String water(String town) {
        return keeper(town).body(Map.of("division", town, "name", "矿泉水", "category", "RELIEF",
                "kind", "WATER", "specification", "550ml×24", "unit", "箱"))
                .post("/api/warehouse/items").then().statusCode(201).extract().path("id");
    }

    protected static String equipment(String town, String warehouse, String kind, String label) {
        return keeper(town).body(Map.of("kind", kind, "label", label))
                .post("/api/warehouse/warehouses/" + warehouse + "/equipment").then().statusCode(201)
                .extract().path("id");
    }

    protected static void reading(String town, String equipmentId, int percent) {
        keeper(town).body(Map.of("percent", percent))
                .post("/api/warehouse/equipment/" + equipmentId + "/charge-readings").then().statusCode(201);
    }

    /** A facility inspection of today that passes every point but the two named. */
    protected Map<String, Object> checklist(boolean groundFloor, boolean manualDoor) {
        return new HashMap<>(Map.of("inspectedOn", clock.today().toString(), "groundFloorOrLift", groundFloor,
                "entranceClear", true, "dry", true, "manualDoorRelease", manualDoor, "backupPowerCharged", true,
                "extinguisherPresent", true));
    }

    protected static String issueTo(String town, String warehouse, String item, int quantity, String recipient,
            String dueBack) {
        return keeper(town).body(Map.of("itemId", item, "quantity", quantity, "recipientName", recipient,
                "dueBack", dueBack)).post("/api/warehouse/warehouses/" + warehouse + "/issues").then()
                .statusCode(201).extract().path("id");
    }
}
