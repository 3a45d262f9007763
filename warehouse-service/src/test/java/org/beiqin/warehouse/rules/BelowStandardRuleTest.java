package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

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

    @Test
    void theUsableStockAfterEachPostingCountsEveryOtherLotAndLeavesExpiredOnesOut() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "贾峪镇应急仓库");
        String water = water(town);
        post(town, warehouse, "receipts", water, "A", clock.today().plusDays(5), 6).statusCode(201);
        post(town, warehouse, "receipts", water, "B", clock.today().plusDays(100), 3).statusCode(201);
        post(town, warehouse, "receipts", water, "C", clock.today().plusDays(200), 1).statusCode(201);
        keeper(town).body(Map.of("minimum", 12))
                .put("/api/warehouse/warehouses/" + warehouse + "/standards/" + water).then().statusCode(204);
        assertThat(awaitOpened("BELOW_STANDARD", warehouse, water).evidence()).containsEntry("available", "10");

        clock.advance(Duration.ofDays(10)); // lot A has expired: its 6 boxes no longer count
        // a receipt into B: B's new 5 and C's 1, not A's 6
        post(town, warehouse, "receipts", water, "B", null, 2).statusCode(201);
        awaitUpdated("BELOW_STANDARD", "可用 6箱", warehouse, water);
        // scrapping from the expired lot leaves the usable stock as it was: no update
        post(town, warehouse, "scraps", water, "A", null, 2).statusCode(201);
        // taking C's last box: B's 5 remain
        post(town, warehouse, "scraps", water, "C", null, 1).statusCode(201);
        awaitUpdated("BELOW_STANDARD", "可用 5箱", warehouse, water);
        assertThat(countEvents(EventTypes.DISCREPANCY_UPDATED, "BELOW_STANDARD", warehouse, water))
                .as("one update for each change of the usable stock, none for the expired lot").isEqualTo(2);

        post(town, warehouse, "receipts", water, "B", null, 7).statusCode(201);
        assertThat(awaitResolved("BELOW_STANDARD", warehouse, water).resolution().evidence())
                .containsEntry("available", "12");
    }

    private static ValidatableResponse post(String town, String warehouse, String what, String item, String lot,
            LocalDate expiresOn, int quantity) {
        Map<String, Object> body = new HashMap<>(Map.of("itemId", item, "lot", lot, "quantity", quantity,
                "reason", "核对可用库存"));
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn.toString());
        }
        return keeper(town).body(body).post("/api/warehouse/warehouses/" + warehouse + "/" + what).then();
    }
}
