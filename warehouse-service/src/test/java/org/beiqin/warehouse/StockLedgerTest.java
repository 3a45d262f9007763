package org.beiqin.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.EventTypes;
import org.beiqin.contract.StockMoved;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StockLedgerTest extends WarehouseTestBase {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whatIsStillOutFollowsEveryReturnWriteOffAndReversal() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String phone = createItem(town, "卫星电话", "FLOOD", "EQUIPMENT", "部");
        receive(town, warehouse, phone, 10).statusCode(201);
        String issue = keeper(town).body(Map.of("itemId", phone, "quantity", 5, "recipientName", "王建国",
                "dueBack", clock.today().plusDays(3).toString()))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201).extract().path("id");
        String returned = keeper(town).body(Map.of("issueId", issue, "quantity", 2))
                .post("/api/warehouse/warehouses/" + warehouse + "/returns").then().statusCode(201).extract().path("id");
        keeper(town).body(Map.of("issueId", issue, "quantity", 1, "reason", "抢险中损毁"))
                .post("/api/warehouse/warehouses/" + warehouse + "/write-offs").then().statusCode(201);
        assertThat(outstanding(town, warehouse)).containsExactly(2);

        // the return was posted by mistake: what it brought back is out again
        keeper(town).body(Map.of("reason", "录错了")).post("/api/warehouse/movements/" + returned + "/reversal")
                .then().statusCode(201);
        assertThat(outstanding(town, warehouse)).containsExactly(4);
        // the county office sees it among what needs attention, due back in three days
        county().get("/api/warehouse/attention?division=" + town).then().statusCode(200)
                .body("findAll { it.kind == 'loan.dueBack' }.label", contains("卫星电话 → 王建国"));

        keeper(town).body(Map.of("issueId", issue, "quantity", 4))
                .post("/api/warehouse/warehouses/" + warehouse + "/returns").then().statusCode(201);
        assertThat(outstanding(town, warehouse)).isEmpty();

        // an issue reversed before anything came back leaves nothing out
        String mistaken = keeper(town).body(Map.of("itemId", phone, "quantity", 1, "recipientName", "李桂兰"))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201).extract().path("id");
        assertThat(outstanding(town, warehouse)).containsExactly(1);
        keeper(town).body(Map.of("reason", "发错了")).post("/api/warehouse/movements/" + mistaken + "/reversal")
                .then().statusCode(201);
        assertThat(outstanding(town, warehouse)).isEmpty();
        county().get("/api/warehouse/attention?division=" + town).then().statusCode(200)
                .body("findAll { it.kind == 'loan.dueBack' }", hasSize(0));
    }

    private List<Integer> outstanding(String town, String warehouse) {
        return keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/loans").then().statusCode(200)
                .extract().jsonPath().getList("outstanding", Integer.class);
    }

    @Test
    void receiveIssueReturnAndTheStockCardAddUp() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String shovel = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");

        receive(town, warehouse, shovel, 20).statusCode(201).body("type", equalTo("RECEIPT"))
                .body("delta", equalTo(20));
        String issue = keeper(town).body(Map.of("itemId", shovel, "quantity", 5, "recipientName", "王建国",
                "recipientPhone", "13800000000", "dueBack", clock.today().plusDays(7).toString()))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201)
                .body("type", equalTo("ISSUE")).body("delta", equalTo(-5)).extract().path("id");
        keeper(town).body(Map.of("issueId", issue, "quantity", 3))
                .post("/api/warehouse/warehouses/" + warehouse + "/returns").then().statusCode(201)
                .body("issueId", equalTo(issue));

        assertThat(balance(town, warehouse, shovel)).isEqualByComparingTo("18");
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/stock-card/" + shovel).then().statusCode(200)
                .body("balance", equalTo(18))
                .body("movements", hasSize(3))
                .body("movements[0].type", equalTo("RETURN")).body("movements[0].balanceAfter", equalTo(18))
                .body("movements[1].balanceAfter", equalTo(15))
                .body("movements[2].balanceAfter", equalTo(20));
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/loans").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].outstanding", equalTo(2)).body("[0].issue.recipientName", equalTo("王建国"));

        // a return of more than is still out is refused and changes nothing
        keeper(town).body(Map.of("issueId", issue, "quantity", 3))
                .post("/api/warehouse/warehouses/" + warehouse + "/returns").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:beiqin:problem:more-than-outstanding"));
        assertThat(balance(town, warehouse, shovel)).isEqualByComparingTo("18");

        // every posted line is published on warehouse.movements
        StockMoved moved = movements.await(r -> r.type().equals(EventTypes.STOCK_MOVED)
                && r.data(StockMoved.class).movementId().equals(issue), EVENT_TIMEOUT).data(StockMoved.class);
        assertThat(moved.delta()).isEqualByComparingTo("-5");
        assertThat(moved.itemName()).isEqualTo("铁锨");
        assertThat(moved.division()).isEqualTo(town);
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedAndRecordsNothing() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String boots = createItem(town, "胶鞋", "FLOOD", "PERSONAL_KIT", "双");
        // the answer to a posting carries its place in the ledger, as the stock card shows it
        Number seq = receive(town, warehouse, boots, 3).statusCode(201).extract().path("seq");
        assertThat(seq).isNotNull();

        keeper(town).body(Map.of("itemId", boots, "quantity", 4, "reason", "抢险"))
                .post("/api/warehouse/warehouses/" + warehouse + "/scraps").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:insufficient-stock"))
                .body("title", equalTo("库存不足"))
                .body("available", equalTo(3));
        assertThat(balance(town, warehouse, boots)).isEqualByComparingTo("3");
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/stock-card/" + boots).then()
                .body("movements", hasSize(1)).body("movements[0].seq", equalTo(seq.intValue()));
    }

    @Test
    void fiftyConcurrentWithdrawalsAgainstTenLeaveExactlyTenPostedAndNeverANegativeBalance() throws Exception {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String vests = createItem(town, "救生衣", "FLOOD", "PERSONAL_KIT", "件");
        receive(town, warehouse, vests, 10).statusCode(201);

        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            calls.add(() -> keeper(town).body(Map.of("itemId", vests, "quantity", 1, "recipientName", "队员" + n))
                    .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(calls)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
        assertThat(balance(town, warehouse, vests)).isEqualByComparingTo("0");
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/stock-card/" + vests).then()
                .body("movements", hasSize(11));
    }

    @Test
    void aTransferMovesStockBetweenWarehousesAndAReversalUndoesBothSides() {
        String town = newTownship();
        String from = createWarehouse(town, "镇仓库");
        String to = createWarehouse(town, "村储备点");
        String bags = createItem(town, "编织袋", "FLOOD", "GENERAL", "条");
        receive(town, from, bags, 500).statusCode(201);

        List<String> legs = keeper(town).body(Map.of("itemId", bags, "quantity", 200, "toWarehouseId", to))
                .post("/api/warehouse/warehouses/" + from + "/transfers").then().statusCode(201)
                .body("type", equalTo(List.of("TRANSFER_OUT", "TRANSFER_IN"))).extract().path("id");
        assertThat(balance(town, from, bags)).isEqualByComparingTo("300");
        assertThat(balance(town, to, bags)).isEqualByComparingTo("200");

        keeper(town).body(Map.of("reason", "调错仓库")).post("/api/warehouse/movements/" + legs.get(0) + "/reversal")
                .then().statusCode(201).body("type", equalTo(List.of("REVERSAL", "REVERSAL")));
        assertThat(balance(town, from, bags)).isEqualByComparingTo("500");
        assertThat(balance(town, to, bags)).isEqualByComparingTo("0");

        keeper(town).body(Map.of("reason", "再来一次")).post("/api/warehouse/movements/" + legs.get(1) + "/reversal")
                .then().statusCode(409).body("type", equalTo("urn:beiqin:problem:already-reversed"));
    }

    @Test
    void movementsCannotBeEditedOrDeletedEvenInTheDatabase() throws Exception {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String lamps = createItem(town, "应急灯", "RELIEF", "EQUIPMENT", "个");
        String id = receive(town, warehouse, lamps, 4).statusCode(201).extract().path("id");

        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE movement SET quantity = 40 WHERE id = '" + id + "'",
                    "DELETE FROM movement WHERE id = '" + id + "'")) {
                Assertions.assertThatThrownBy(() -> statement.executeUpdate(sql))
                        .hasMessageContaining("never edited or deleted");
            }
        }
        assertThat(balance(town, warehouse, lamps)).isEqualByComparingTo("4");
    }

    @Test
    void aResentRequestWithTheSameIdempotencyKeyIsRecordedOnce() throws Exception {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String ropes = createItem(town, "安全绳", "FLOOD", "EQUIPMENT", "根");
        String key = uuid();
        Map<String, Object> body = Map.of("itemId", ropes, "quantity", 6, "reason", "离线补录");

        String first = keeper(town).header("Idempotency-Key", key).body(body)
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201)
                .extract().path("id");
        String again = keeper(town).header("Idempotency-Key", key).body(body)
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(balance(town, warehouse, ropes)).isEqualByComparingTo("6");

        keeper(town).header("Idempotency-Key", key).body(Map.of("itemId", ropes, "quantity", 60))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(422)
                .body("type", equalTo("urn:beiqin:problem:idempotency-key-reused"));
        assertThat(balance(town, warehouse, ropes)).isEqualByComparingTo("6");
        // the key is stored under the name the hand-written calls gave it, so entries a phone queued
        // before the route was read from the annotations still find their first answer
        assertThat(storedOperation(key)).isEqualTo("POST /warehouses/" + warehouse + "/receipts");
    }

    private String storedOperation(String key) throws SQLException {
        try (var connection = dataSource.getConnection();
                var select = connection.prepareStatement("SELECT operation FROM idempotency_record WHERE key = ?")) {
            select.setString(1, key);
            try (var row = select.executeQuery()) {
                assertThat(row.next()).as("a record for the key").isTrue();
                return row.getString(1);
            }
        }
    }

    @Test
    void concurrentResendsOfOneOfflineEntryPostItOnce() throws Exception {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String torches = createItem(town, "应急手电", "FLOOD", "EQUIPMENT", "个");
        String key = uuid();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> keeper(town).header("Idempotency-Key", key).body(Map.of("itemId", torches, "quantity", 6))
                    .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201)
                    .extract().path("id"));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> id : pool.invokeAll(calls)) {
            ids.add(id.get());
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(balance(town, warehouse, torches)).isEqualByComparingTo(new BigDecimal(6));
        assertThat(movements.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> r.data(StockMoved.class).itemId().equals(torches))).hasSize(1);
    }
}
