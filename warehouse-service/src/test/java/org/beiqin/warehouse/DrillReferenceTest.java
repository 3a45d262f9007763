package org.beiqin.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.DrillChanged;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.testing.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Stock can be drawn only for a drill of the warehouse's own line of divisions, within the drill's
 * window (issue 15): otherwise the keeper reads why at once, and nothing is posted.
 */
@QuarkusTest
class DrillReferenceTest extends WarehouseTestBase {

    private TopicWriter drills;

    @BeforeEach
    void openWriter() {
        drills = new TopicWriter();
    }

    @AfterEach
    void closeWriter() {
        drills.close();
    }

    private String announce(String division, String title, Instant from, Instant until) {
        String id = UUID.randomUUID().toString();
        drills.event(Topics.DRILLS, id, "/drill-service", EventTypes.DRILL_CHANGED, Instant.now(),
                EventTypes.DRILL_CHANGED_SCHEMA,
                new DrillChanged(id, division, title, from == null ? "CANCELLED" : "APPROVED", from, until,
                        Instant.now()));
        return id;
    }

    @Inject
    EntityManager em;

    private long known(String... drillIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM drill_reference WHERE cast(drill_id AS text) = ANY (cast(?1 AS text[]))")
                .setParameter(1, "{" + String.join(",", drillIds) + "}").getSingleResult()).longValue());
    }

    private ValidatableResponse issueFor(String town, String warehouse, String item,
            String drill, Instant at) {
        return keeper(town).body(Map.of("itemId", item, "quantity", 2, "reference", Map.of("type", "drill", "id", drill),
                "occurredAt", at.toString())).post("/api/warehouse/warehouses/" + warehouse + "/issues").then();
    }

    @Test
    void aDrillReferenceMustNameADrillOfTheWarehousesLineWithinItsWindow() {
        String town = newTownship();
        String sibling = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇仓库");
        String jacket = createItem(town, "救生衣", "FLOOD", "PERSONAL_KIT", "件");
        receive(town, warehouse, jacket, 20).statusCode(201);
        Instant now = clock.instant();
        String own = announce(town, "乔楼镇防汛演练", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));
        String county = announce("410182", "荥阳市防汛演练", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));
        String siblings = announce(sibling, "别镇演练", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));
        String foreign = announce("410183101", "外县演练", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));
        String cancelled = announce(town, "取消的演练", null, null);

        // every announcement has arrived: what is refused below is refused for what it is
        await().atMost(EVENT_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> known(own, county, siblings,
                foreign, cancelled) == 5);
        issueFor(town, warehouse, jacket, own, now).statusCode(201);
        issueFor(town, warehouse, jacket, county, now).statusCode(201);

        for (String other : new String[] {siblings, foreign, UUID.randomUUID().toString(), "drill-2026-06"}) {
            issueFor(town, warehouse, jacket, other, now).statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("urn:beiqin:problem:drill-unknown"))
                    .body("title", equalTo("找不到这次演练")).body("errors[0].field", equalTo("reference.id"));
        }
        issueFor(town, warehouse, jacket, cancelled, now).statusCode(422)
                .body("type", equalTo("urn:beiqin:problem:drill-closed"));
        issueFor(town, warehouse, jacket, own, now.minus(Duration.ofDays(10))).statusCode(422)
                .body("type", equalTo("urn:beiqin:problem:drill-window"))
                .body("detail", Matchers.containsString("乔楼镇防汛演练"));
        assertThat(balance(town, warehouse, jacket)).isEqualByComparingTo("16");
    }
}
