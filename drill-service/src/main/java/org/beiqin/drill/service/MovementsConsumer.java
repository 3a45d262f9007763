package org.beiqin.drill.service;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.beiqin.commons.consumer.ConsumedEvents;
import org.beiqin.commons.consumer.EventLoop;
import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.StockMoved;
import org.beiqin.contract.Topics;
import org.beiqin.drill.DrawnSupply;
import org.beiqin.drill.Drill;
import org.beiqin.drill.rules.SuppliesNotDrawnRule;

import io.cloudevents.CloudEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps which supplies each drill actually drew, from the warehouse ledger's facts on
 * {@code warehouse.movements}: an issue whose reference is a drill is recorded against it, a
 * reversal of such an issue undoes it, and the drill's SUPPLIES_NOT_DRAWN is checked again.
 * Movements that concern no drill are passed over; one that is not a stock-moved event at all
 * goes to quarantine.
 */
@ApplicationScoped
public class MovementsConsumer {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "beiqin.drill.consume-movements", defaultValue = "true")
    boolean consume;

    @Inject
    ConsumedEvents consumed;

    @Inject
    SuppliesNotDrawnRule supplies;

    private EventLoop loop;

    void start(@Observes StartupEvent event) {
        if (consume) {
            loop = new EventLoop(bootstrapServers, "drill-service.movements", Topics.WAREHOUSE_MOVEMENTS, this::apply,
                    consumed);
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    void apply(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEventCodec.decode(record.value() == null ? null
                : record.value().getBytes(StandardCharsets.UTF_8));
        if (!EventTypes.STOCK_MOVED.equals(event.getType())) {
            throw new EventLoop.Rejected("not a stock movement: type " + event.getType());
        }
        StockMoved moved = CloudEventCodec.data(event, StockMoved.class);
        if (moved.movementId() == null || moved.type() == null) {
            throw new EventLoop.Rejected("stock movement " + event.getId() + " lacks movementId or type");
        }
        if ("ISSUE".equals(moved.type()) && moved.reference() != null && "drill".equals(moved.reference().type())) {
            UUID drillId = uuid(moved.reference().id());
            if (drillId == null || !consumed.firstDelivery(event.getId(), record.topic())
                    || DrawnSupply.findById(moved.movementId()) != null) {
                return;
            }
            DrawnSupply drawn = new DrawnSupply();
            drawn.movementId = moved.movementId();
            drawn.drillId = drillId;
            drawn.warehouseId = moved.warehouseId();
            drawn.itemId = moved.itemId();
            drawn.itemName = moved.itemName();
            drawn.quantity = moved.quantity();
            drawn.unit = moved.unit();
            drawn.occurredAt = moved.occurredAt();
            drawn.persist();
            recheck(drillId);
        } else if ("REVERSAL".equals(moved.type()) && moved.reversesMovementId() != null) {
            DrawnSupply drawn = DrawnSupply.findById(moved.reversesMovementId());
            if (drawn != null && !drawn.reversed && consumed.firstDelivery(event.getId(), record.topic())) {
                drawn.reversed = true;
                recheck(drawn.drillId);
            }
        }
    }

    private void recheck(UUID drillId) {
        Drill drill = Drill.findById(drillId);
        if (drill != null) {
            DrawnSupply.flush();
            supplies.check(drill);
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
