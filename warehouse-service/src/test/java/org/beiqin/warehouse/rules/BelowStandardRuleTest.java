package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BelowStandardRuleTest extends RuleTestBase {

    @Test
    void sixLifeJacketsAgainstAStandardOfSeventyNineIsFlaggedUntilStockReachesIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "三官庙村储备点");
        String vests = createItem(town, "救生衣", "FLOOD", "PERSONAL_KIT", "件");
        receive(town, warehouse, vests, 6).statusCode(201);

        keeper(town).body(Map.of("minimum", 79))
                .put("/api/warehouse/warehouses/" + warehouse + "/standards/" + vests).then().statusCode(204);
        Discrepancy opened = awaitOpened("BELOW_STANDARD", warehouse, vests);
        assertThat(opened.summary().zh()).contains("可用 6件").contains("79件");
        assertThat(opened.evidence()).containsEntry("available", "6").containsEntry("minimum", "79");

        receive(town, warehouse, vests, 73).statusCode(201);
        awaitResolved("BELOW_STANDARD", warehouse, vests);

        keeper(town).body(Map.of("itemId", vests, "quantity", 1, "recipientName", "队员甲"))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201);
        awaitOpened("BELOW_STANDARD", warehouse, vests);
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "BELOW_STANDARD", warehouse, vests))
                .as("falling below again opens a second episode").isEqualTo(2);
    }
}
