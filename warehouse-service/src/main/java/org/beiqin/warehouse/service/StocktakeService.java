package org.beiqin.warehouse.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.Stocktake;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.readmodel.Lookups;
import org.beiqin.warehouse.readmodel.StockQueries;
import org.beiqin.warehouse.readmodel.Times;
import org.beiqin.warehouse.rules.LedgerMismatchRule;
import org.beiqin.warehouse.rules.WarehouseRules;

/**
 * Stocktakes (盘点): open a count, enter counted quantities, submit. On submit each line is
 * compared with the ledger balance at that moment; a difference opens LEDGER_MISMATCH and a match
 * resolves it. Approving the differences posts them as STOCKTAKE_CORRECTION movements.
 */
@ApplicationScoped
@Transactional
public class StocktakeService {

    @Inject
    WarehouseService warehouses;

    @Inject
    ItemService items;

    @Inject
    MovementService movements;

    @Inject
    WarehouseRules rules;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Lookups lookups;

    /** One counted line and, once submitted, what the ledger said. */
    public record Line(UUID zoneId, UUID itemId, String lot, BigDecimal counted, BigDecimal ledger,
            String countedBy, Instant countedAt) {
        public BigDecimal difference() {
            return ledger == null ? null : counted.subtract(ledger);
        }
    }

    public Stocktake open(UUID warehouseId, Commands.OpenStocktake command) {
        Warehouse warehouse = warehouses.writable(warehouseId);
        em.lock(warehouse, LockModeType.PESSIMISTIC_WRITE);
        if (Stocktake.count("warehouseId = ?1 and status = ?2", warehouse.id, Stocktake.Status.OPEN) > 0) {
            throw ProblemException.conflict("stocktake-already-open");
        }
        Stocktake stocktake = new Stocktake();
        stocktake.id = UUID.randomUUID();
        stocktake.warehouseId = warehouse.id;
        stocktake.division = warehouse.division;
        stocktake.status = Stocktake.Status.OPEN;
        stocktake.note = command == null ? null : command.note();
        stocktake.openedAt = clock.instant();
        stocktake.openedBy = caller.name();
        stocktake.persist();
        return stocktake;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    /** A warehouse's stocktakes, newest first; of one status when given. */
    public List<Stocktake> of(UUID warehouseId, Stocktake.Status status) {
        return status == null
                ? Stocktake.list("warehouseId = ?1 order by openedAt desc", warehouseId)
                : Stocktake.list("warehouseId = ?1 and status = ?2 order by openedAt desc", warehouseId, status);
    }

    public Stocktake visible(UUID id) {
        Stocktake stocktake = Stocktake.findById(id);
        return caller.visibleOr404(stocktake, stocktake == null ? null : stocktake.division, "盘点单", id);
    }

    /**
     * Enters counts: every line is checked first (in order: not twice, a zone of this warehouse, an
     * item usable here), then all are written with one statement, whatever their number.
     */
    public void count(UUID stocktakeId, Commands.Count command) {
        Stocktake stocktake = locked(stocktakeId);
        requireStatus(stocktake, Stocktake.Status.OPEN);
        Warehouse warehouse = Warehouse.findById(stocktake.warehouseId);
        Map<UUID, StorageZone> zones = StorageZone.of(warehouse.id).stream()
                .collect(Collectors.toMap(z -> z.id, z -> z));
        Map<UUID, Item> found = lookups.items(command.lines().stream().map(Commands.CountLine::itemId).toList());
        Set<String> seen = new HashSet<>();
        int n = command.lines().size();
        UUID[] zoneIds = new UUID[n];
        UUID[] itemIds = new UUID[n];
        String[] lots = new String[n];
        BigDecimal[] counted = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            Commands.CountLine line = command.lines().get(i);
            String lot = line.lot() == null ? "" : line.lot().strip();
            if (!seen.add(line.zoneId() + "/" + line.itemId() + "/" + lot)) {
                throw ProblemException.unprocessable("stocktake-line-twice", line.itemId(), lot);
            }
            if (!zones.containsKey(line.zoneId())) {
                throw ProblemException.invalid(List.of(
                        new ProblemException.FieldError("lines.zoneId", "zone.not-in-warehouse")));
            }
            items.usable(found.get(line.itemId()), line.itemId(), warehouse);
            zoneIds[i] = line.zoneId();
            itemIds[i] = line.itemId();
            lots[i] = lot;
            counted[i] = line.counted();
        }
        em.createNativeQuery("""
                INSERT INTO stocktake_line (stocktake_id, zone_id, item_id, lot, counted, counted_by, counted_at)
                SELECT ?1, l.zone_id, l.item_id, l.lot, l.counted, ?6, ?7
                FROM unnest(CAST(?2 AS uuid[]), CAST(?3 AS uuid[]), CAST(?4 AS text[]), CAST(?5 AS numeric[]))
                     AS l (zone_id, item_id, lot, counted)
                ON CONFLICT (stocktake_id, zone_id, item_id, lot)
                DO UPDATE SET counted = EXCLUDED.counted, counted_by = EXCLUDED.counted_by,
                              counted_at = EXCLUDED.counted_at""")
                .setParameter(1, stocktake.id).setParameter(2, zoneIds).setParameter(3, itemIds)
                .setParameter(4, lots).setParameter(5, counted).setParameter(6, caller.name())
                .setParameter(7, clock.instant()).executeUpdate();
    }

    /** Submits a count: every line takes the book quantity of its stock line, and the differences are judged. */
    public void submit(UUID stocktakeId) {
        Stocktake stocktake = locked(stocktakeId);
        requireStatus(stocktake, Stocktake.Status.OPEN);
        Warehouse warehouse = Warehouse.findById(stocktake.warehouseId);
        stocktake.submittedAt = clock.instant();
        // the book quantity of every line, read and written in one statement
        int counted = em.createNativeQuery("""
                UPDATE stocktake_line l SET ledger = coalesce((SELECT b.quantity FROM stock_balance b
                    WHERE b.warehouse_id = ?2 AND b.zone_id = l.zone_id AND b.item_id = l.item_id AND b.lot = l.lot), 0)
                WHERE l.stocktake_id = ?1""")
                .setParameter(1, stocktake.id).setParameter(2, warehouse.id).executeUpdate();
        if (counted == 0) {
            throw ProblemException.unprocessable("stocktake-empty");
        }
        List<Line> lines = lines(stocktake.id);
        Map<UUID, StorageZone> zones = StorageZone.of(warehouse.id).stream()
                .collect(Collectors.toMap(z -> z.id, z -> z));
        Map<UUID, Item> items = lookups.items(lines.stream().filter(l -> l.difference().signum() != 0)
                .map(Line::itemId).toList());
        rules.ledgerMismatch().countedAll(stocktake, warehouse, zones, items, lines.stream()
                .map(l -> new LedgerMismatchRule.Count(l.zoneId(), l.itemId(), l.lot(), l.counted(), l.ledger()))
                .toList());
        stocktake.status = Stocktake.Status.SUBMITTED;
        stocktake.submittedBy = caller.name();
        rules.stocktakeOverdue().completed(warehouse, stocktake.id);
    }

    /**
     * Approves the submitted differences: each is posted as a correction, which resolves its
     * mismatch. Whatever the number of lines, a fixed number of statements: the warehouse's lines
     * are locked at once, what is pending or already approved since the count is read for all of
     * them, and the corrections are posted as one batch.
     */
    public List<Movement> reconcile(UUID stocktakeId, Commands.Reconcile command) {
        Stocktake stocktake = locked(stocktakeId);
        if (!caller.isCountyApprover()) {
            throw new ProblemException(403, "approval-forbidden");
        }
        requireStatus(stocktake, Stocktake.Status.SUBMITTED);
        Warehouse warehouse = Warehouse.findById(stocktake.warehouseId);
        LedgerMismatchRule mismatch = rules.ledgerMismatch();
        List<Line> differing = lines(stocktake.id).stream()
                .filter(l -> l.difference() != null && l.difference().signum() != 0).toList();
        Map<UUID, Item> items = lookups.items(differing.stream().map(Line::itemId).toList());
        // what approved adjustments since the count already posted is not posted twice; one still
        // waiting for approval is decided first, or it would be posted twice once approved
        mismatch.lockLines(warehouse);
        Set<StockQueries.Place> pending = mismatch.adjustmentsPending(warehouse, stocktake.submittedAt);
        Map<StockQueries.Place, BigDecimal> approved = mismatch.approvedSince(warehouse, stocktake.submittedAt);
        List<MovementService.Correction> corrections = new ArrayList<>();
        for (Line line : differing) {
            StockQueries.Place place = new StockQueries.Place(line.zoneId(), line.itemId(), line.lot());
            if (pending.contains(place)) {
                throw ProblemException.conflict("adjustment-pending", items.get(line.itemId()).name);
            }
            BigDecimal outstanding = line.difference().subtract(approved.getOrDefault(place, BigDecimal.ZERO));
            if (outstanding.signum() == 0) {
                mismatch.bookChanged(warehouse, line.zoneId(), line.itemId(), line.lot(), false);
            } else {
                corrections.add(new MovementService.Correction(line.zoneId(), line.itemId(), line.lot(), outstanding));
            }
        }
        List<Movement> posted = movements.correctAll(warehouse, items, corrections, command.reason(), stocktake.id);
        mismatch.correctedAll(warehouse, posted, stocktake.id);
        stocktake.status = Stocktake.Status.RECONCILED;
        stocktake.reconciledAt = clock.instant();
        stocktake.reconciledBy = caller.name();
        return posted;
    }

    /**
     * Sends a submitted count back to its keeper with the county's reason: it is open again for
     * recounting, and nothing is posted. Refused while the warehouse already has another open count.
     */
    public Stocktake sendBack(UUID stocktakeId, Commands.Reconcile command) {
        Stocktake stocktake = locked(stocktakeId);
        if (!caller.isCountyApprover()) {
            throw new ProblemException(403, "approval-forbidden");
        }
        requireStatus(stocktake, Stocktake.Status.SUBMITTED);
        // the warehouse row is the turnstile for "one open count": opening takes it too
        em.find(Warehouse.class, stocktake.warehouseId, LockModeType.PESSIMISTIC_WRITE);
        if (Stocktake.count("warehouseId = ?1 and status = ?2", stocktake.warehouseId, Stocktake.Status.OPEN) > 0) {
            throw ProblemException.conflict("stocktake-already-open");
        }
        // the recount is blind again: the book quantities read at submission are taken off the lines
        em.createNativeQuery("UPDATE stocktake_line SET ledger = NULL WHERE stocktake_id = ?1")
                .setParameter(1, stocktake.id).executeUpdate();
        stocktake.status = Stocktake.Status.OPEN;
        stocktake.sentBackAt = clock.instant();
        stocktake.sentBackBy = caller.name();
        stocktake.sentBackReason = command.reason().strip();
        return stocktake;
    }

    /** Stocktakes of one status within a division (the caller's by default), oldest submitted first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stocktake> within(String division, Stocktake.Status status) {
        caller.requireCovers(division);
        return Stocktake.list("division like ?1 and status = ?2 order by submittedAt, openedAt, id",
                division + "%", status);
    }

    /** How many lines of each stocktake differ from the ledger. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<UUID, Long> differences(List<UUID> ids) {
        Map<UUID, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT stocktake_id, count(*) FILTER (WHERE ledger IS NOT NULL AND counted <> ledger)
                FROM stocktake_line WHERE stocktake_id = ANY(?1) GROUP BY stocktake_id""")
                .setParameter(1, ids.toArray(new UUID[0])).getResultList();
        for (Object[] r : rows) {
            counts.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Line> lines(UUID stocktakeId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT zone_id, item_id, lot, counted, ledger, counted_by, counted_at FROM stocktake_line
                WHERE stocktake_id = ?1 ORDER BY item_id, zone_id, lot""")
                .setParameter(1, stocktakeId).getResultList();
        return rows.stream().map(r -> new Line((UUID) r[0], (UUID) r[1], (String) r[2], (BigDecimal) r[3],
                (BigDecimal) r[4], (String) r[5], Times.instant(r[6]))).toList();
    }

    private Stocktake locked(UUID id) {
        visible(id);
        return em.find(Stocktake.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void requireStatus(Stocktake stocktake, Stocktake.Status status) {
        if (stocktake.status != status) {
            throw ProblemException.conflict("stocktake-status", stocktake.status.name(), status.name());
        }
    }
}
