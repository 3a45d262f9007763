package org.beiqin.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.beiqin.commons.idempotency.Idempotency;

import io.quarkus.test.junit.QuarkusTest;

/** Keys are remembered for the retention period, then forgotten. */
@QuarkusTest
class IdempotencyRetentionTest extends WarehouseTestBase {

    @Inject
    Idempotency idempotency;

    @Test
    void aKeyIsReplayedWithinTheRetentionAndForgottenAfterIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String item = createItem(town, "雨靴", "FLOOD", "PERSONAL_KIT", "双");
        String key = uuid();
        Map<String, Object> body = Map.of("itemId", item, "quantity", 2);
        keeper(town).header("Idempotency-Key", key).body(body)
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201);

        idempotency.forgetOlderThan(clock.instant().minus(Duration.ofDays(90)));
        keeper(town).header("Idempotency-Key", key).body(body)
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201)
                .header("Idempotent-Replayed", "true");

        assertThat(idempotency.forgetOlderThan(clock.instant().plusSeconds(1))).isPositive();
        keeper(town).header("Idempotency-Key", key).body(body)
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertThat(balance(town, warehouse, item)).as("forgotten, the key posts anew").isEqualByComparingTo("4");
    }
}
