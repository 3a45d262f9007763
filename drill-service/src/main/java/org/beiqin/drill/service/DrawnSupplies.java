package org.beiqin.drill.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.beiqin.commons.consumer.EventLoop;
import org.beiqin.commons.consumer.TopicConsumer;
import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.StockMoved;
import org.beiqin.contract.Topics;
import org.beiqin.drill.DrawnSupply;
import org.beiqin.drill.Drill;
import org.beiqin.drill.rules.SuppliesNotDrawnRule;

import io.cloudevents.CloudEvent;

/**
 * Keeps which supplies each drill actually drew, from the warehouse ledger's facts on
 * {@code warehouse.movements}: an issue whose reference is a drill is recorded against it, a
 * reversal of such an issue undoes it, and the drill's SUPPLIES_NOT_DRAWN is checked again.
 * Movements that concern no drill are passed over; one that is not a stock-moved event at all
 * goes to quarantine.
 */
@ApplicationScoped
public class DrawnSupplies extends TopicConsumer {

    @ConfigProperty(name = "beiqin.drill.consume-movements", defaultValue = "true")
    boolean consume;

    @Inject
    SuppliesNotDrawnRule supplies;

    @Inject
    DrillFacts facts;

    @Override
    protected Subscription subscription() {
        return new Subscription("drill-service.movements", Topics.WAREHOUSE_MOVEMENTS, consume);
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) {
        CloudEvent event = event(record, "a stock movement", EventTypes.STOCK_MOVED);
        StockMoved moved = CloudEventCodec.data(event, StockMoved.class);
        if (moved.movementId() == null || moved.type() == null) {
            throw new EventLoop.Rejected("stock movement " + event.getId() + " lacks movementId or type");
        }
        if ("ISSUE".equals(moved.type()) && moved.reference() != null && "drill".equals(moved.reference().type())) {
            UUID drillId = uuid(moved.reference().id());
            Drill drill = drillId == null ? null : Drill.findById(drillId);
            if (drill == null || !facts.allows(drill, moved.division(), moved.occurredAt())) {
                // the warehouse refuses such a reference when it is made; one that gets here anyway
                // (an older warehouse, a replay) is kept aside with the reason, never counted
                throw new EventLoop.Rejected("issue " + moved.movementId() + " names drill " + moved.reference().id()
                        + ", which does not exist, is not of its division's line, or was not open for draws on "
                        + moved.occurredAt());
            }
            if (!consumed.firstDelivery(event.getId(), record.topic())
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
