package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MixedStorageRuleTest extends RuleTestBase {

    @Test
    void floodStockInTheFireZoneIsFlaggedUntilItIsMovedOut() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "刘河镇应急仓库");
        String sandbags = createItem(town, "沙袋", "FLOOD", "GENERAL", "条");
        String fireZone = zone(town, warehouse, "FIRE");
        String floodZone = zone(town, warehouse, "FLOOD");

        keeper(town).body(Map.of("itemId", sandbags, "zoneId", fireZone, "quantity", 100))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201);
        Discrepancy opened = awaitOpened("MIXED_STORAGE", warehouse, fireZone, sandbags);
        assertThat(opened.summary().zh()).contains("防汛物资").contains("防火区");

        keeper(town).body(Map.of("itemId", sandbags, "zoneId", fireZone, "quantity", 100,
                "toWarehouseId", warehouse, "toZoneId", floodZone))
                .post("/api/warehouse/warehouses/" + warehouse + "/transfers").then().statusCode(201);
        awaitResolved("MIXED_STORAGE", warehouse, fireZone, sandbags);
        assertThat(balance(town, warehouse, sandbags)).isEqualByComparingTo("100");
    }
}
