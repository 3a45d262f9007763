package org.beiqin.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import org.beiqin.commons.idempotency.Idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Keys are remembered for the retention period, then forgotten. */
@QuarkusTest
class IdempotencyRetentionTest extends WarehouseTestBase {

    @Inject
    Idempotency idempotency;

    @Inject
    EntityManager em;

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

    @Test
    void aKeyStoredInTheFormerFormIsStillReplayedToItsSubject() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String item = createItem(town, "编织袋", "FLOOD", "GENERAL", "条");
        String key = uuid();
        Map<String, Object> body = Map.of("itemId", item, "quantity", 3);
        String location = keeper(town).header("Idempotency-Key", key).body(body)
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201)
                .extract().header("Location");
        // before records carried division and roles, the caller column held the subject alone
        assertThat(storeInFormerForm("keeper-" + town, key)).isEqualTo(1);

        keeper(town).header("Idempotency-Key", key).body(body)
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", location);
        keeper(town).header("Idempotency-Key", key).body(Map.of("itemId", item, "quantity", 4))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(422);
        assertThat(balance(town, warehouse, item)).as("the phone's resend is not posted twice").isEqualByComparingTo("3");
    }

    private int storeInFormerForm(String subject, String key) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "UPDATE idempotency_record SET caller = ?1 WHERE key = ?2")
                .setParameter(1, subject).setParameter(2, key).executeUpdate());
    }
}
