package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class BelowStandardRuleTest extends RuleTestBase {

    @Inject
    AgroalDataSource dataSource;

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

    @Test
    void aPostingThatWaitedForItsBalanceCountsWhatTheOtherTransactionDidToTheOtherLots() throws Exception {
        String town = newTownship();
        String warehouse = createWarehouse(town, "贾峪镇应急仓库");
        String water = water(town);
        post(town, warehouse, "receipts", water, "L1", clock.today().plusDays(100), 6).statusCode(201);
        post(town, warehouse, "receipts", water, "L2", clock.today().plusDays(200), 3).statusCode(201);
        keeper(town).body(Map.of("minimum", 12))
                .put("/api/warehouse/warehouses/" + warehouse + "/standards/" + water).then().statusCode(204);
        assertThat(awaitOpened("BELOW_STANDARD", warehouse, water).evidence()).containsEntry("available", "9");

        // another transaction (as a stocktake's corrections would: L1 five short, L2 five over) holds
        // both rows; a receipt into L2 waits for it
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try {
                try (PreparedStatement move = other.prepareStatement("UPDATE stock_balance SET quantity = quantity + ? "
                        + "WHERE warehouse_id = ? AND item_id = ? AND lot = ?")) {
                    for (Object[] change : new Object[][] {{-5, "L1"}, {5, "L2"}}) {
                        move.setInt(1, (Integer) change[0]);
                        move.setObject(2, UUID.fromString(warehouse));
                        move.setObject(3, UUID.fromString(water));
                        move.setString(4, (String) change[1]);
                        assertThat(move.executeUpdate()).isEqualTo(1);
                    }
                }
                CompletableFuture<Integer> receipt = CompletableFuture.supplyAsync(
                        () -> post(town, warehouse, "receipts", water, "L2", null, 1).extract().statusCode());
                awaitBlockedBy(other);
                other.commit();
                assertThat(receipt.get(30, TimeUnit.SECONDS)).isEqualTo(201);
            } finally {
                // after a failure before the commit, the change must not be committed when the pool
                // resets the connection
                other.rollback();
            }
        }
        // L1's 1 and L2's 9: 10, still below 12 (L1 read as it was before the other transaction gives 15)
        awaitUpdated("BELOW_STANDARD", "可用 10箱", warehouse, water);
        assertThat(countEvents(EventTypes.DISCREPANCY_RESOLVED, "BELOW_STANDARD", warehouse, water)).isZero();
    }

    /** Until another session of the database waits for a lock that {@code holder} holds (the receipt, behind it). */
    private void awaitBlockedBy(Connection holder) throws Exception {
        int holderPid;
        try (PreparedStatement self = holder.prepareStatement("SELECT pg_backend_pid()");
                ResultSet row = self.executeQuery()) {
            row.next();
            holderPid = row.getInt(1);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement waiting = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
            waiting.setInt(1, holderPid);
            Awaitility.await("the receipt waits for the locked row").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        try (ResultSet row = waiting.executeQuery()) {
                            row.next();
                            return row.getLong(1) > 0;
                        }
                    });
        }
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
