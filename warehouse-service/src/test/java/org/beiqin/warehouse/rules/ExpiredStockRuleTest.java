package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExpiredStockRuleTest extends RuleTestBase {

    @Test
    void aLotIsUsableOnItsExpiryDateFlaggedTheDayAfterAndClearedWhenScrapped() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "城关乡应急仓库");
        String water = keeper(town).body(Map.of("division", town, "name", "矿泉水", "category", "RELIEF",
                "kind", "WATER", "specification", "550ml×24", "unit", "箱"))
                .post("/api/warehouse/items").then().statusCode(201).extract().path("id");
        String lot = "2025-11";
        keeper(town).body(Map.of("itemId", water, "lot", lot, "expiresOn", clock.today().plusDays(1).toString(),
                "quantity", 30)).post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201);

        clock.advance(Duration.ofDays(1));
        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "EXPIRED_STOCK", warehouse, water))
                .as("usable through its expiry date").isZero();

        clock.advance(Duration.ofDays(1));
        sweep();
        Discrepancy opened = awaitOpened("EXPIRED_STOCK", warehouse, water);
        assertThat(opened.summary().zh()).contains("保质期至 " + Wording.zh(clock.today().minusDays(1)))
                .contains("已过期").contains("30箱");

        keeper(town).body(Map.of("itemId", water, "lot", lot, "quantity", 30, "reason", "过期报废"))
                .post("/api/warehouse/warehouses/" + warehouse + "/scraps").then().statusCode(201);
        awaitResolved("EXPIRED_STOCK", warehouse, water);
    }

    @Test
    void aShelfLifeItemNeedsALotAndAnExpiryAndAnExpiredLotIsFlaggedOnReceipt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String biscuits = keeper(town).body(Map.of("division", town, "name", "压缩饼干", "category", "RELIEF",
                "kind", "FOOD", "specification", "500g", "unit", "包"))
                .post("/api/warehouse/items").then().statusCode(201).extract().path("id");
        keeper(town).body(Map.of("itemId", biscuits, "quantity", 10))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(422)
                .body("errors.field", hasItem("lot"));
        keeper(town).body(Map.of("itemId", biscuits, "lot", "A1", "quantity", 10))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(422)
                .body("errors.field", hasItem("expiresOn"));
        keeper(town).body(Map.of("itemId", biscuits, "lot", "A1", "expiresOn",
                clock.today().minusDays(30).toString(), "quantity", 10))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201);
        awaitOpened("EXPIRED_STOCK", warehouse, biscuits);
        keeper(town).body(Map.of("itemId", biscuits, "lot", "A1", "expiresOn", clock.today().toString(),
                "quantity", 1)).post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:lot-expiry-conflict"));
    }
}
