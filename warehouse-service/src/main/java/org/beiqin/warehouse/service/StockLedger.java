package org.beiqin.warehouse.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.beiqin.commons.outbox.Outbox;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.StockMoved;
import org.beiqin.contract.Topics;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.readmodel.StockQueries;

/**
 * Posts ledger lines. Each posting writes the movement, changes the balance and writes the
 * {@code preparedness.stock.moved} event in one transaction. A withdrawal is one conditional
 * UPDATE ({@code quantity + delta >= 0}): PostgreSQL re-checks the condition on the row version it
 * locks, so concurrent withdrawals serialise on the row and the balance never goes negative.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockLedger {

    /** How far ahead of the server a device's clock may run before "occurredAt" counts as future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Fills in who and when, applies {@code movement.delta} to the balance, persists, publishes. */
    public Movement post(Movement movement, Item item) {
        Instant now = clock.instant();
        movement.id = UUID.randomUUID();
        movement.actor = caller.name();
        movement.actorId = caller.subject();
        movement.recordedAt = now;
        if (movement.occurredAt == null) {
            movement.occurredAt = now;
        } else if (movement.occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.unprocessable("occurred-in-future");
        }
        if (movement.lot == null) {
            movement.lot = "";
        }
        apply(movement);
        movement.persist();
        outbox.enqueue(Topics.WAREHOUSE_MOVEMENTS, movement.itemId.toString(), EventTypes.STOCK_MOVED,
                movement.id.toString(), now, EventTypes.STOCK_MOVED_SCHEMA, event(movement, item));
        return movement;
    }

    private void apply(Movement m) {
        int sign = m.delta.signum();
        if (sign > 0) {
            em.createNativeQuery("""
                    INSERT INTO stock_balance (warehouse_id, zone_id, item_id, lot, quantity, updated_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    ON CONFLICT (warehouse_id, zone_id, item_id, lot)
                    DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at""")
                    .setParameter(1, m.warehouseId).setParameter(2, m.zoneId).setParameter(3, m.itemId)
                    .setParameter(4, m.lot).setParameter(5, m.delta).setParameter(6, m.recordedAt)
                    .executeUpdate();
        } else if (sign < 0) {
            int updated = em.createNativeQuery("""
                    UPDATE stock_balance SET quantity = quantity + ?5, updated_at = ?6
                    WHERE warehouse_id = ?1 AND zone_id = ?2 AND item_id = ?3 AND lot = ?4 AND quantity + ?5 >= 0""")
                    .setParameter(1, m.warehouseId).setParameter(2, m.zoneId).setParameter(3, m.itemId)
                    .setParameter(4, m.lot).setParameter(5, m.delta).setParameter(6, m.recordedAt)
                    .executeUpdate();
            if (updated == 0) {
                BigDecimal available = StockQueries.scalar(em.createNativeQuery("""
                        SELECT quantity FROM stock_balance
                        WHERE warehouse_id = ?1 AND zone_id = ?2 AND item_id = ?3 AND lot = ?4""")
                        .setParameter(1, m.warehouseId).setParameter(2, m.zoneId).setParameter(3, m.itemId)
                        .setParameter(4, m.lot).getResultList());
                throw new ProblemException(409, "insufficient-stock", List.of(),
                        Map.of("available", available, "requested", m.delta.negate()),
                        available.stripTrailingZeros().toPlainString(), m.delta.negate().stripTrailingZeros().toPlainString());
            }
        }
    }

    private static StockMoved event(Movement m, Item item) {
        return new StockMoved(m.id.toString(), m.type.name(), m.division, m.warehouseId.toString(),
                m.itemId.toString(), item.name, m.lot, m.quantity, m.delta, item.unit,
                m.referenceType == null ? null : new StockMoved.Reference(m.referenceType, m.referenceId),
                m.reversesId == null ? null : m.reversesId.toString(), m.actor, m.occurredAt, m.recordedAt);
    }
}
