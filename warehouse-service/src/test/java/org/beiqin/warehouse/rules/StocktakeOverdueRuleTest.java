package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StocktakeOverdueRuleTest extends RuleTestBase {

    @Test
    void ninetyDaysIsOnTimeTheNinetyFirstIsOverdueAndACountEndsIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "汜水镇应急仓库");
        String bags = createItem(town, "编织袋", "FLOOD", "GENERAL", "条");
        String flood = zone(town, warehouse, "FLOOD");

        clock.advance(Duration.ofDays(90));
        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "STOCKTAKE_OVERDUE", warehouse))
                .as("on day 90 the warehouse is still within the limit").isZero();

        clock.advance(Duration.ofDays(1).plusHours(1));
        sweep();
        Discrepancy opened = awaitOpened("STOCKTAKE_OVERDUE", warehouse);
        assertThat(opened.subject().type()).isEqualTo("warehouse");
        assertThat(opened.summary().zh()).contains("从未盘点");

        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "STOCKTAKE_OVERDUE", warehouse))
                .as("a second sweep emits nothing new").isEqualTo(1);

        String stocktake = keeper(town).post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then()
                .statusCode(201).extract().path("id");
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", bags, "zoneId", flood, "counted", 0))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200);
        Discrepancy resolved = awaitResolved("STOCKTAKE_OVERDUE", warehouse);
        assertThat(resolved.resolution().evidence()).containsEntry("stocktakeId", stocktake);
    }
}
