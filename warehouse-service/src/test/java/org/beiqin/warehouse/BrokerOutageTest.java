package org.beiqin.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.beiqin.commons.outbox.OutboxRelay;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.StockMoved;
import org.beiqin.testing.EmbeddedKafka;

import io.quarkus.test.junit.QuarkusTest;

/** A broker outage delays events; it never loses them and never blocks a keeper's write. */
@QuarkusTest
class BrokerOutageTest extends WarehouseTestBase {

    @Inject
    OutboxRelay relay;

    @Test
    void writesSucceedWhileKafkaIsDownAndTheirEventsArriveWhenItReturns() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String item = createItem(town, "发电机", "FLOOD", "EQUIPMENT", "台");

        EmbeddedKafka kafka = EmbeddedKafka.shared();
        kafka.stop();
        List<String> posted = new ArrayList<>();
        try {
            for (int i = 1; i <= 5; i++) {
                posted.add(receive(town, warehouse, item, i).statusCode(201).extract().path("id"));
            }
            assertThat(balance(town, warehouse, item)).isEqualByComparingTo("15");
        } finally {
            kafka.start();
        }

        for (String id : posted) {
            StockMoved moved = movements.await(r -> r.type().equals(EventTypes.STOCK_MOVED)
                    && r.data(StockMoved.class).movementId().equals(id), Duration.ofSeconds(60)).data(StockMoved.class);
            assertThat(moved.warehouseId()).isEqualTo(warehouse);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
    }
}
