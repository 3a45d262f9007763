package org.beiqin.warehouse.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * A posted movement, and its item's standing in the warehouse after it: null when the balance did
     * not change, or when another transaction changed it while the posting waited for its row.
     */
    public record Posted(Movement movement, StockQueries.Standing standing) {
    }

    /**
     * Fills in who and when, and posts: the ledger row, its event and the balance in one statement
     * (data-modifying {@code WITH}s), one round trip, which also reads the item's standard and usable
     * stock after the change for the below-standard rule (unless another transaction changed the
     * balance while this one waited for its row: see {@link #STANDING}). The balance's row is locked
     * from that statement to the commit; the event is encoded before it, not while other postings to
     * the same stock wait. A withdrawal that would take the balance below zero is refused, and the
     * refusal rolls the statement's ledger row and event back with the rest of the transaction.
     */
    public Posted post(Movement movement, Item item) {
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
        Outbox.Row event = outbox.prepare(new Outbox.Event(Topics.WAREHOUSE_MOVEMENTS, movement.itemId.toString(),
                EventTypes.STOCK_MOVED, movement.id.toString(), now, EventTypes.STOCK_MOVED_SCHEMA,
                event(movement, item)));
        int sign = movement.delta.signum();
        String balance = sign > 0 ? ADD + STANDING : sign < 0 ? TAKE + STANDING : NO_CHANGE;
        var statement = em.createNativeQuery(POST + balance)
                .setParameter(1, movement.id).setParameter(2, movement.warehouseId).setParameter(3, movement.division)
                .setParameter(4, movement.type.name()).setParameter(5, movement.itemId).setParameter(6, movement.zoneId)
                .setParameter(7, movement.lot).setParameter(8, movement.quantity).setParameter(9, movement.delta)
                .setParameter(10, movement.reason).setParameter(11, movement.actor).setParameter(12, movement.actorId)
                .setParameter(13, movement.occurredAt).setParameter(14, movement.recordedAt)
                .setParameter(15, movement.recipientName).setParameter(16, movement.recipientPhone)
                .setParameter(17, movement.dueBack).setParameter(18, movement.referenceType)
                .setParameter(19, movement.referenceId).setParameter(20, movement.issueId)
                .setParameter(21, movement.reversesId).setParameter(22, movement.transferId)
                .setParameter(23, movement.stocktakeId)
                .setParameter(24, event.id()).setParameter(25, event.topic()).setParameter(26, event.recordKey())
                .setParameter(27, event.type()).setParameter(28, event.payload());
        if (sign != 0) {
            // the same day as the rules judge by (RuleSupport.today)
            statement.setParameter(29, LocalDate.now(clock));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = statement.getResultList();
        if (rows.isEmpty()) {
            BigDecimal available = StockQueries.scalar(em.createNativeQuery("""
                    SELECT quantity FROM stock_balance
                    WHERE warehouse_id = ?1 AND zone_id = ?2 AND item_id = ?3 AND lot = ?4""")
                    .setParameter(1, movement.warehouseId).setParameter(2, movement.zoneId)
                    .setParameter(3, movement.itemId).setParameter(4, movement.lot).getResultList());
            throw new ProblemException(409, "insufficient-stock", List.of(),
                    Map.of("available", available, "requested", movement.delta.negate()),
                    available.stripTrailingZeros().toPlainString(),
                    movement.delta.negate().stripTrailingZeros().toPlainString());
        }
        Object[] row = rows.get(0);
        movement.seq = ((Number) row[0]).longValue();
        boolean current = Boolean.TRUE.equals(row[3]);
        return new Posted(movement,
                current ? new StockQueries.Standing((BigDecimal) row[1], (BigDecimal) row[2]) : null);
    }

    /** The ledger row (?1–?23) and its event (?24–?28); the balance's step and what it reads back follow. */
    private static final String POST = """
            WITH posted AS (
                INSERT INTO movement (id, warehouse_id, division, type, item_id, zone_id, lot, quantity, delta, reason,
                                      actor, actor_id, occurred_at, recorded_at, recipient_name, recipient_phone,
                                      due_back, reference_type, reference_id, issue_id, reverses_id, transfer_id,
                                      stocktake_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                        ?21, ?22, ?23)
                RETURNING seq),
            event AS (
                INSERT INTO %s VALUES (?24, ?25, ?26, ?27, ?28))
            """.formatted(Outbox.Row.COLUMNS);
    /** Stock added: the balance made or added to. */
    private static final String ADD = """
            , moved AS (
                INSERT INTO stock_balance (warehouse_id, zone_id, item_id, lot, quantity, updated_at)
                VALUES (?2, ?6, ?5, ?7, ?9, ?14)
                ON CONFLICT (warehouse_id, zone_id, item_id, lot)
                DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at
                RETURNING quantity)
            """;
    /**
     * Stock taken: one conditional UPDATE, re-checked by PostgreSQL on the row version it locks, so
     * concurrent withdrawals serialise on the row and the balance never goes below zero. No row back:
     * refused.
     */
    private static final String TAKE = """
            , moved AS (
                UPDATE stock_balance SET quantity = quantity + ?9, updated_at = ?14
                WHERE warehouse_id = ?2 AND zone_id = ?6 AND item_id = ?5 AND lot = ?7 AND quantity + ?9 >= 0
                RETURNING quantity)
            """;
    /**
     * The posting's place, and the item's standard and usable stock after it (as
     * {@link StockQueries#standings} reads them; ?29 is today): the balance just written, unless its
     * lot has expired, and the item's other balances in the warehouse, expired lots left out. The
     * other balances come from the statement's snapshot, the one written from its RETURNING.
     *
     * <p>That snapshot is taken when the statement starts. When the balance's row was locked by
     * another transaction, the statement waits, and then writes the row as that transaction left it
     * — but its snapshot does not see what that transaction did to the item's other balances (a
     * transfer between two of its zones, a stocktake's corrections). The last column tells: the row
     * as the snapshot saw it, plus the delta, is what was written only if no one changed it in
     * between. Otherwise the standing is not used and the rule reads it afresh.
     */
    private static final String STANDING = """
            SELECT (SELECT seq FROM posted),
                   (SELECT s.minimum FROM stock_standard s WHERE s.warehouse_id = ?2 AND s.item_id = ?5),
                   CASE WHEN EXISTS (SELECT 1 FROM stock_lot l
                                     WHERE l.item_id = ?5 AND l.code = ?7 AND l.expires_on < ?29)
                        THEN 0 ELSE m.quantity END
                   + coalesce((SELECT sum(b.quantity) FROM stock_balance b
                               LEFT JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
                               WHERE b.warehouse_id = ?2 AND b.item_id = ?5 AND (b.zone_id <> ?6 OR b.lot <> ?7)
                                 AND (l.expires_on IS NULL OR l.expires_on >= ?29)), 0),
                   coalesce((SELECT b.quantity FROM stock_balance b
                             WHERE b.warehouse_id = ?2 AND b.zone_id = ?6 AND b.item_id = ?5 AND b.lot = ?7), 0)
                   + ?9 = m.quantity
            FROM moved m""";
    /** No change to the balance (a write-off of what was issued and not returned). */
    private static final String NO_CHANGE = "SELECT seq, NULL, NULL, false FROM posted";

    /**
     * {@link #post} for many movements of one warehouse posted now (a stocktake's corrections), in
     * a fixed number of statements whatever their number: the balances they take from are locked
     * and checked first (the whole batch is refused when one would go below zero), then every
     * balance, every ledger row and every event is written by one statement each. Links to issues,
     * transfers, references and recipients are not for a batch.
     */
    public List<Movement> postAll(UUID warehouseId, List<Movement> movements, Map<UUID, Item> items) {
        if (movements.isEmpty()) {
            return movements;
        }
        Instant now = clock.instant();
        Map<StockQueries.Place, BigDecimal> deltas = new TreeMap<>(PLACE_ORDER);
        for (Movement m : movements) {
            if (!warehouseId.equals(m.warehouseId) || m.occurredAt != null || m.issueId != null || m.transferId != null
                    || m.reversesId != null || m.referenceId != null || m.recipientName != null) {
                throw new IllegalArgumentException("not a movement for a batch: " + m.type);
            }
            m.id = UUID.randomUUID();
            m.actor = caller.name();
            m.actorId = caller.subject();
            m.recordedAt = now;
            m.occurredAt = now;
            m.lot = m.lot == null ? "" : m.lot;
            deltas.merge(new StockQueries.Place(m.zoneId, m.itemId, m.lot), m.delta, BigDecimal::add);
        }
        requireStock(warehouseId, deltas, items);
        // the check on the balance judges a proposed row before ON CONFLICT sees the existing one:
        // what is taken goes through an UPDATE (the rows exist, checked above), what is added an upsert
        changeBalances(warehouseId, deltas, now, -1, """
                UPDATE stock_balance b SET quantity = b.quantity + d.delta, updated_at = ?6
                FROM unnest(CAST(?2 AS uuid[]), CAST(?3 AS uuid[]), CAST(?4 AS text[]), CAST(?5 AS numeric[]))
                     AS d (zone_id, item_id, lot, delta)
                WHERE b.warehouse_id = ?1 AND b.zone_id = d.zone_id AND b.item_id = d.item_id AND b.lot = d.lot""");
        changeBalances(warehouseId, deltas, now, 1, """
                INSERT INTO stock_balance (warehouse_id, zone_id, item_id, lot, quantity, updated_at)
                SELECT ?1, d.zone_id, d.item_id, d.lot, d.delta, ?6
                FROM unnest(CAST(?2 AS uuid[]), CAST(?3 AS uuid[]), CAST(?4 AS text[]), CAST(?5 AS numeric[]))
                     AS d (zone_id, item_id, lot, delta)
                ON CONFLICT (warehouse_id, zone_id, item_id, lot)
                DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at""");
        Movement first = movements.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> seqs = em.createNativeQuery("""
                INSERT INTO movement (id, warehouse_id, division, type, item_id, zone_id, lot, quantity, delta, reason,
                                      actor, actor_id, occurred_at, recorded_at, stocktake_id)
                SELECT m.id, ?1, ?2, m.type, m.item_id, m.zone_id, m.lot, m.quantity, m.delta, m.reason,
                       ?3, ?4, ?5, ?5, m.stocktake_id
                FROM unnest(CAST(?6 AS uuid[]), CAST(?7 AS text[]), CAST(?8 AS uuid[]), CAST(?9 AS uuid[]),
                            CAST(?10 AS text[]), CAST(?11 AS numeric[]), CAST(?12 AS numeric[]), CAST(?13 AS text[]),
                            CAST(?14 AS uuid[]))
                     WITH ORDINALITY AS m (id, type, item_id, zone_id, lot, quantity, delta, reason, stocktake_id, n)
                ORDER BY m.n
                RETURNING id, seq""")
                .setParameter(1, warehouseId).setParameter(2, first.division).setParameter(3, first.actor)
                .setParameter(4, first.actorId).setParameter(5, now)
                .setParameter(6, movements.stream().map(m -> m.id).toArray(UUID[]::new))
                .setParameter(7, movements.stream().map(m -> m.type.name()).toArray(String[]::new))
                .setParameter(8, movements.stream().map(m -> m.itemId).toArray(UUID[]::new))
                .setParameter(9, movements.stream().map(m -> m.zoneId).toArray(UUID[]::new))
                .setParameter(10, movements.stream().map(m -> m.lot).toArray(String[]::new))
                .setParameter(11, movements.stream().map(m -> m.quantity).toArray(BigDecimal[]::new))
                .setParameter(12, movements.stream().map(m -> m.delta).toArray(BigDecimal[]::new))
                .setParameter(13, movements.stream().map(m -> m.reason).toArray(String[]::new))
                .setParameter(14, movements.stream().map(m -> m.stocktakeId).toArray(UUID[]::new))
                .getResultList();
        Map<UUID, Long> seqOf = new HashMap<>();
        seqs.forEach(row -> seqOf.put((UUID) row[0], ((Number) row[1]).longValue()));
        movements.forEach(m -> m.seq = seqOf.get(m.id));
        outbox.enqueueAll(movements.stream().map(m -> new Outbox.Event(Topics.WAREHOUSE_MOVEMENTS, m.itemId.toString(),
                EventTypes.STOCK_MOVED, m.id.toString(), now, EventTypes.STOCK_MOVED_SCHEMA,
                event(m, items.get(m.itemId)))).toList());
        return movements;
    }

    /** Applies the deltas of one sign with {@code sql} (parameters: warehouse, zones, items, lots, deltas, time). */
    private void changeBalances(UUID warehouseId, Map<StockQueries.Place, BigDecimal> deltas, Instant now, int sign,
            String sql) {
        List<StockQueries.Place> places = deltas.keySet().stream().filter(p -> deltas.get(p).signum() == sign).toList();
        if (places.isEmpty()) {
            return;
        }
        em.createNativeQuery(sql)
                .setParameter(1, warehouseId)
                .setParameter(2, places.stream().map(StockQueries.Place::zoneId).toArray(UUID[]::new))
                .setParameter(3, places.stream().map(StockQueries.Place::itemId).toArray(UUID[]::new))
                .setParameter(4, places.stream().map(StockQueries.Place::lot).toArray(String[]::new))
                .setParameter(5, places.stream().map(deltas::get).toArray(BigDecimal[]::new))
                .setParameter(6, now).executeUpdate();
    }

    private static final Comparator<StockQueries.Place> PLACE_ORDER = Comparator
            .comparing(StockQueries.Place::zoneId).thenComparing(StockQueries.Place::itemId)
            .thenComparing(StockQueries.Place::lot);

    /** Locks the balances a batch takes from, in key order, and refuses the batch if one would go below zero. */
    private void requireStock(UUID warehouseId, Map<StockQueries.Place, BigDecimal> deltas, Map<UUID, Item> items) {
        List<StockQueries.Place> taken = deltas.entrySet().stream().filter(e -> e.getValue().signum() < 0)
                .map(Map.Entry::getKey).toList();
        if (taken.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT b.zone_id, b.item_id, b.lot, b.quantity FROM stock_balance b
                JOIN unnest(CAST(?2 AS uuid[]), CAST(?3 AS uuid[]), CAST(?4 AS text[])) AS t (zone_id, item_id, lot)
                  ON b.zone_id = t.zone_id AND b.item_id = t.item_id AND b.lot = t.lot
                WHERE b.warehouse_id = ?1
                ORDER BY b.zone_id, b.item_id, b.lot
                FOR UPDATE OF b""")
                .setParameter(1, warehouseId)
                .setParameter(2, taken.stream().map(StockQueries.Place::zoneId).toArray(UUID[]::new))
                .setParameter(3, taken.stream().map(StockQueries.Place::itemId).toArray(UUID[]::new))
                .setParameter(4, taken.stream().map(StockQueries.Place::lot).toArray(String[]::new))
                .getResultList();
        Map<StockQueries.Place, BigDecimal> held = new HashMap<>();
        rows.forEach(r -> held.put(new StockQueries.Place((UUID) r[0], (UUID) r[1], (String) r[2]), (BigDecimal) r[3]));
        for (StockQueries.Place place : taken) {
            BigDecimal available = held.getOrDefault(place, BigDecimal.ZERO);
            BigDecimal requested = deltas.get(place).negate();
            if (available.compareTo(requested) < 0) {
                throw new ProblemException(409, "insufficient-stock-of", List.of(),
                        Map.of("itemId", place.itemId(), "available", available, "requested", requested),
                        items.get(place.itemId()).name, available.stripTrailingZeros().toPlainString(),
                        requested.stripTrailingZeros().toPlainString());
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
