package org.beiqin.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.beiqin.commons.consumer.ConsumedEvents;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The drill service's reading of {@code warehouse.movements} on the real broker: a draw delivered
 * twice, or announced again under another event id, counts once; a record that is not a movement
 * is set aside with its reason and the movements behind it still count.
 */
@QuarkusTest
class MovementsConsumerTest extends DrillTestBase {

    @Inject
    ConsumedEvents consumed;

    @Test
    void aDrawDeliveredAgainCountsOnce() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 6, 10, 9, 0));
        String id = heldDrill(town, plan(town, "防汛演练（重复投递）", false,
                List.of(supply("W-1", "life-jacket", "救生衣", 20), supply("W-1", "sandbag", "沙袋", 200))));
        Map<String, Object> draw = issueData(town, id, "W-1", "life-jacket", 10);
        UUID eventId = UUID.randomUUID();
        send(draw, eventId);
        send(draw, eventId); // the broker delivered it twice
        send(draw, UUID.randomUUID()); // a replay announced the same movement under a new event id
        // a later movement on the same partition (same key): once it counts, the three before it were read
        Map<String, Object> later = issueData(town, id, "W-1", "rope", 5);
        movements.event(Topics.WAREHOUSE_MOVEMENTS, "life-jacket", "/warehouse-service", EventTypes.STOCK_MOVED,
                clock.instant(), EventTypes.STOCK_MOVED_SCHEMA, later);
        String marker = (String) later.get("movementId");
        Awaitility.await().atMost(EVENT_TIMEOUT)
                .until(() -> drill(town, id).getList("drawn.movementId").contains(marker));

        List<Map<String, Object>> drawn = drill(town, id).getList("drawn");
        assertThat(drawn).filteredOn(d -> "life-jacket".equals(d.get("itemId"))).singleElement()
                .satisfies(d -> assertThat(d.get("quantity").toString()).isEqualTo("10"));

        clock.set(LocalDateTime.of(LocalDate.of(2026, 6, 11), LocalTime.of(0, 5)));
        sweep();
        Discrepancy opened = awaitOpened("SUPPLIES_NOT_DRAWN", id);
        assertThat(opened.summary().zh()).contains("沙袋 200件").doesNotContain("救生衣");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> supplies = (Map<String, Map<String, Object>>) opened.evidence().get("supplies");
        assertThat(supplies.get("救生衣").get("issued")).as("ten life jackets issued, not thirty").hasToString("10");
    }

    @Test
    void recordsThatAreNotMovementsAreSetAsideAndTheMovementsBehindThemStillCount() {
        String town = newTownship();
        clock.set(LocalDateTime.of(2026, 6, 12, 9, 0));
        String id = heldDrill(town, plan(town, "防汛演练（坏记录）", false, List.of()));
        // all three on one key, so on one partition, in this order
        String key = "rope-" + town;
        movements.raw(Topics.WAREHOUSE_MOVEMENTS, key, "这不是出入库记录");
        UUID team = movements.event(Topics.WAREHOUSE_MOVEMENTS, key, "/duty-roster-service", EventTypes.TEAM_CHANGED,
                clock.instant(), EventTypes.TEAM_CHANGED_SCHEMA, Map.of("teamId", UUID.randomUUID().toString(),
                        "division", town, "activeMembers", 3));
        Map<String, Object> draw = issueData(town, id, "W-1", "rope", 5);
        movements.event(Topics.WAREHOUSE_MOVEMENTS, key, "/warehouse-service", EventTypes.STOCK_MOVED,
                clock.instant(), EventTypes.STOCK_MOVED_SCHEMA, draw);

        Awaitility.await().atMost(EVENT_TIMEOUT)
                .until(() -> drill(town, id).getList("drawn.movementId").contains(draw.get("movementId")));
        List<ConsumedEvents.Quarantined> setAside = consumed.quarantined("", 1000).stream()
                .filter(q -> key.equals(q.key())).toList();
        assertThat(setAside).as("both set aside, once each, before the draw behind them counted").hasSize(2);
        assertThat(setAside).anySatisfy(q -> assertThat(q.payload()).isEqualTo("这不是出入库记录"));
        assertThat(setAside).anySatisfy(q -> {
            assertThat(q.payload()).contains(team.toString());
            assertThat(q.reason()).contains(EventTypes.TEAM_CHANGED);
        });
    }

    private void send(Map<String, Object> data, UUID eventId) {
        movements.event(Topics.WAREHOUSE_MOVEMENTS, (String) data.get("itemId"), eventId, "/warehouse-service",
                EventTypes.STOCK_MOVED, clock.instant(), EventTypes.STOCK_MOVED_SCHEMA, data);
    }
}
