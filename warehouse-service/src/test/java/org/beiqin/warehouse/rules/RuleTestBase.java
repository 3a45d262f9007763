package org.beiqin.warehouse.rules;

import java.util.Map;

import org.beiqin.testing.Tokens;
import org.beiqin.warehouse.WarehouseTestBase;

/** Helpers shared by the rule tests. */
abstract class RuleTestBase extends WarehouseTestBase {

    /** Runs the periodic sweep now, as the county office can. */
    protected void sweep() {
        as(Tokens.countyOffice("410182")).post("/api/warehouse/discrepancies/sweep").then().statusCode(200);
    }

    protected static String issueTo(String town, String warehouse, String item, int quantity, String recipient,
            String dueBack) {
        return keeper(town).body(Map.of("itemId", item, "quantity", quantity, "recipientName", recipient,
                "dueBack", dueBack)).post("/api/warehouse/warehouses/" + warehouse + "/issues").then()
                .statusCode(201).extract().path("id");
    }
}
