package org.beiqin.warehouse.readmodel;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.beiqin.warehouse.Movement;

/** Reads of balances, lots and outstanding issues, in the caller's transaction. */
@ApplicationScoped
public class StockQueries {

    @Inject
    EntityManager em;

    @Inject
    Lookups lookups;

    /** One balance row: where some stock of an item sits, and how much. */
    public record Balance(UUID warehouseId, UUID zoneId, UUID itemId, String lot, BigDecimal quantity,
            LocalDate expiresOn) {
    }

    public BigDecimal balance(UUID warehouseId, UUID zoneId, UUID itemId, String lot) {
        return scalar(em.createNativeQuery("""
                SELECT quantity FROM stock_balance
                WHERE warehouse_id = ?1 AND zone_id = ?2 AND item_id = ?3 AND lot = ?4""")
                .setParameter(1, warehouseId).setParameter(2, zoneId).setParameter(3, itemId).setParameter(4, lot)
                .getResultList());
    }

    /** The place of some stock: a zone (or any zone: null) and a lot of an item. */
    public record Place(UUID zoneId, UUID itemId, String lot) {
    }

    /** How much of each item sits in each zone, for the (zone, item) pairs of {@code places}; lots ignored. */
    @SuppressWarnings("unchecked")
    public Map<Place, BigDecimal> inZones(UUID warehouseId, Collection<Place> places) {
        Map<Place, BigDecimal> quantities = new HashMap<>();
        if (places.isEmpty()) {
            return quantities;
        }
        List<Place> pairs = places.stream().map(p -> new Place(p.zoneId(), p.itemId(), null)).distinct().toList();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT p.zone_id, p.item_id, coalesce(sum(b.quantity), 0)
                FROM unnest(CAST(?2 AS uuid[]), CAST(?3 AS uuid[])) AS p (zone_id, item_id)
                LEFT JOIN stock_balance b ON b.warehouse_id = ?1 AND b.zone_id = p.zone_id AND b.item_id = p.item_id
                GROUP BY p.zone_id, p.item_id""")
                .setParameter(1, warehouseId)
                .setParameter(2, pairs.stream().map(Place::zoneId).toArray(UUID[]::new))
                .setParameter(3, pairs.stream().map(Place::itemId).toArray(UUID[]::new)).getResultList()) {
            quantities.put(new Place((UUID) row[0], (UUID) row[1], null), (BigDecimal) row[2]);
        }
        return quantities;
    }

    /** A lot of an item in a warehouse: how much is left in all its zones, and when it expires. */
    public record LotStock(UUID itemId, String lot, BigDecimal quantity, LocalDate expiresOn) {
    }

    /** The lots of {@code places} (their zones ignored) as they stand in the warehouse. */
    @SuppressWarnings("unchecked")
    public List<LotStock> lots(UUID warehouseId, Collection<Place> places) {
        List<Place> lots = places.stream().map(p -> new Place(null, p.itemId(), p.lot())).distinct().toList();
        if (lots.isEmpty()) {
            return List.of();
        }
        return ((List<Object[]>) em.createNativeQuery("""
                SELECT r.item_id, r.lot, coalesce((SELECT sum(b.quantity) FROM stock_balance b
                    WHERE b.warehouse_id = ?1 AND b.item_id = r.item_id AND b.lot = r.lot), 0), l.expires_on
                FROM unnest(CAST(?2 AS uuid[]), CAST(?3 AS text[])) AS r (item_id, lot)
                LEFT JOIN stock_lot l ON l.item_id = r.item_id AND l.code = r.lot""")
                .setParameter(1, warehouseId)
                .setParameter(2, lots.stream().map(Place::itemId).toArray(UUID[]::new))
                .setParameter(3, lots.stream().map(Place::lot).toArray(String[]::new)).getResultList())
                .stream().map(r -> new LotStock((UUID) r[0], (String) r[1], (BigDecimal) r[2],
                        r[3] == null ? null : toDate(r[3])))
                .toList();
    }

    /** What can be used: all of the item in the warehouse except lots expired before {@code today}. */
    public BigDecimal available(UUID warehouseId, UUID itemId, LocalDate today) {
        return available(warehouseId, List.of(itemId), today).get(itemId);
    }

    /** {@link #available(UUID, UUID, LocalDate)} of many items, in one query: item id → quantity. */
    public Map<UUID, BigDecimal> available(UUID warehouseId, Collection<UUID> itemIds, LocalDate today) {
        Map<UUID, BigDecimal> available = new HashMap<>();
        standings(warehouseId, itemIds, today).forEach((item, standing) -> available.put(item, standing.available()));
        return available;
    }

    /** An item's standard in a warehouse (null when none is set) and what of it can be used. */
    public record Standing(BigDecimal minimum, BigDecimal available) {
    }

    /**
     * The standing of each of {@code itemIds}, in one query: item id → minimum and usable quantity
     * (expired lots left out). A single posting reads the same for its item inside its own statement
     * ({@code StockLedger.STANDING}): what counts as usable changes in both places together.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, Standing> standings(UUID warehouseId, Collection<UUID> itemIds, LocalDate today) {
        Map<UUID, Standing> standings = new HashMap<>();
        if (itemIds.isEmpty()) {
            return standings;
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT r.item_id, s.minimum, coalesce((SELECT sum(b.quantity) FROM stock_balance b
                    LEFT JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
                    WHERE b.warehouse_id = ?1 AND b.item_id = r.item_id AND (l.expires_on IS NULL OR l.expires_on >= ?3)), 0)
                FROM unnest(CAST(?2 AS uuid[])) AS r (item_id)
                LEFT JOIN stock_standard s ON s.warehouse_id = ?1 AND s.item_id = r.item_id""")
                .setParameter(1, warehouseId).setParameter(2, itemIds.stream().distinct().toArray(UUID[]::new))
                .setParameter(3, today).getResultList()) {
            standings.put((UUID) row[0], new Standing((BigDecimal) row[1], (BigDecimal) row[2]));
        }
        return standings;
    }

    /** Rows with stock in a warehouse, of one item or (itemId null) of all; earliest expiry first. */
    public List<Balance> balances(UUID warehouseId, UUID itemId) {
        var query = em.createNativeQuery("""
                SELECT b.warehouse_id, b.zone_id, b.item_id, b.lot, b.quantity, l.expires_on FROM stock_balance b
                LEFT JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
                WHERE b.warehouse_id = ?1 AND b.quantity > 0""" + (itemId == null ? "" : " AND b.item_id = ?2")
                + " ORDER BY b.item_id, l.expires_on NULLS LAST, b.lot, b.zone_id")
                .setParameter(1, warehouseId);
        if (itemId != null) {
            query.setParameter(2, itemId);
        }
        return rows(query.getResultList());
    }

    /** The stock in the warehouses whose lot expires by {@code until} or has expired, earliest first. */
    public List<Balance> expiringLots(Collection<UUID> warehouseIds, LocalDate until) {
        if (warehouseIds.isEmpty()) {
            return List.of();
        }
        return rows(em.createNativeQuery("""
                SELECT b.warehouse_id, b.zone_id, b.item_id, b.lot, b.quantity, l.expires_on FROM stock_balance b
                JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
                WHERE b.warehouse_id = ANY(?1) AND b.quantity > 0 AND l.expires_on <= ?2
                ORDER BY l.expires_on, b.item_id, b.lot, b.zone_id""")
                .setParameter(1, warehouseIds.toArray(UUID[]::new)).setParameter(2, until).getResultList());
    }

    public Optional<LocalDate> expiry(UUID itemId, String lot) {
        List<?> result = em.createNativeQuery("SELECT expires_on FROM stock_lot WHERE item_id = ?1 AND code = ?2")
                .setParameter(1, itemId).setParameter(2, lot).getResultList();
        return result.isEmpty() || result.get(0) == null ? Optional.empty()
                : Optional.of(toDate(result.get(0)));
    }

    public boolean lotKnown(UUID itemId, String lot) {
        return !em.createNativeQuery("SELECT 1 FROM stock_lot WHERE item_id = ?1 AND code = ?2")
                .setParameter(1, itemId).setParameter(2, lot).getResultList().isEmpty();
    }

    /**
     * What of an issue is still out: zero once returned, written off or reversed. Read from
     * {@code open_loan}, which the ledger's trigger keeps as movements are posted (V8).
     */
    public BigDecimal outstanding(UUID issueId) {
        return scalar(em.createNativeQuery("SELECT outstanding FROM open_loan WHERE issue_id = ?1")
                .setParameter(1, issueId).getResultList());
    }

    /** The warehouses' issues with something still out, oldest first: issue id → outstanding. */
    @SuppressWarnings("unchecked")
    public LinkedHashMap<UUID, BigDecimal> openLoans(Collection<UUID> warehouseIds) {
        LinkedHashMap<UUID, BigDecimal> loans = new LinkedHashMap<>();
        if (warehouseIds.isEmpty()) {
            return loans;
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT issue_id, outstanding FROM open_loan WHERE warehouse_id = ANY(?1) ORDER BY issue_seq""")
                .setParameter(1, warehouseIds.toArray(UUID[]::new)).getResultList()) {
            loans.put((UUID) row[0], (BigDecimal) row[1]);
        }
        return loans;
    }

    /** An issue with something still out that is due back: who has what, from which warehouse. */
    public record DueLoan(UUID issueId, UUID warehouseId, UUID itemId, String recipientName, LocalDate dueBack) {
    }

    /**
     * The warehouses' issues with something still out that are due back by {@code until} (or
     * overdue), oldest first: only what a list of things to do names, read with the issue in one
     * query ({@code open_loan} keeps the due date).
     */
    @SuppressWarnings("unchecked")
    public List<DueLoan> loansDueBy(Collection<UUID> warehouseIds, LocalDate until) {
        if (warehouseIds.isEmpty()) {
            return List.of();
        }
        return ((List<Object[]>) em.createNativeQuery("""
                SELECT m.id, m.warehouse_id, m.item_id, m.recipient_name, l.due_back
                FROM open_loan l JOIN movement m ON m.id = l.issue_id
                WHERE l.warehouse_id = ANY(?1) AND l.due_back <= ?2 ORDER BY l.issue_seq""")
                .setParameter(1, warehouseIds.toArray(UUID[]::new)).setParameter(2, until).getResultList())
                .stream().map(r -> new DueLoan((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], toDate(r[4])))
                .toList();
    }

    /** A line of a stock card: the movement and the item's balance in the warehouse right after it. */
    public record CardLine(Movement movement, BigDecimal balanceAfter) {
    }

    /**
     * The newest {@code limit} movements of an item in a warehouse, newest first, each with the
     * running balance: the window runs over the whole card before the limit cuts it, so every
     * row's balance is right.
     */
    public List<CardLine> card(UUID warehouseId, UUID itemId, int limit) {
        return em.createQuery("""
                select m, sum(m.delta) over (order by m.seq) from Movement m
                where m.warehouseId = :warehouse and m.itemId = :item order by m.seq desc""", Object[].class)
                .setParameter("warehouse", warehouseId).setParameter("item", itemId).setMaxResults(limit)
                .getResultStream().map(row -> new CardLine((Movement) row[0], (BigDecimal) row[1])).toList();
    }

    /** An issue with something still out. */
    public record Loan(Movement issue, BigDecimal outstanding) {
    }

    /** The warehouse's issues with something still out, oldest first, read in two queries. */
    public List<Loan> loans(UUID warehouseId) {
        return loans(List.of(warehouseId));
    }

    /** The warehouses' issues with something still out, oldest first, read in two queries. */
    public List<Loan> loans(Collection<UUID> warehouseIds) {
        Map<UUID, BigDecimal> open = openLoans(warehouseIds);
        if (open.isEmpty()) {
            return List.of();
        }
        Map<UUID, Movement> issues = lookups.movements(open.keySet());
        return open.entrySet().stream().map(e -> new Loan(issues.get(e.getKey()), e.getValue())).toList();
    }

    /** Unreversed returns and write-offs settling an issue. */
    public long settlements(UUID issueId) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM movement s WHERE s.issue_id = ?1
                  AND NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_id = s.id)""")
                .setParameter(1, issueId).getSingleResult()).longValue();
    }

    public static BigDecimal scalar(List<?> result) {
        if (result.isEmpty() || result.get(0) == null) {
            return BigDecimal.ZERO;
        }
        return (BigDecimal) result.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Balance> rows(List<?> result) {
        return ((List<Object[]>) result).stream()
                .map(r -> new Balance((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (BigDecimal) r[4],
                        r[5] == null ? null : toDate(r[5])))
                .toList();
    }

    static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((Date) value).toLocalDate();
    }
}
