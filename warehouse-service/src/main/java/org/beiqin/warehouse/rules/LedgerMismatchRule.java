package org.beiqin.warehouse.rules;

import org.beiqin.warehouse.readmodel.StockQueries;
import org.beiqin.warehouse.Movement;
import java.util.Set;
import java.util.Optional;
import java.util.HashSet;
import java.util.HashMap;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.commons.time.ClockProducer;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Stocktake;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;

/**
 * LEDGER_MISMATCH (物资底数不清、账实不符 — notice 002): a stocktake count differs from the ledger
 * balance of that stock line. Each difference is a line of its stocktake's item in the county's
 * ledger ({@link #source}).
 * <p>Resolved by:
 * <ul>
 * <li>a later submitted count of that line that matches the book ({@link #counted});
 * <li>the county approving the stocktake, which posts what approved adjustments since the count
 *     have not already made up ({@link #corrected});
 * <li>approved adjustments since the count that make up the difference — a county adjustment, or
 *     a keeper's adjustment once the county approves it ({@link #bookChanged}).
 * </ul>
 * Updated while open when a recount finds another difference or an approved adjustment makes up
 * part of it; opened again when the county reverses the correction or adjustment that resolved it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LedgerMismatchRule extends RuleSupport {

    public static final Rule RULE = Rule.LEDGER_MISMATCH;

    public static String subjectId(UUID warehouseId, UUID zoneId, UUID itemId, String lot) {
        return Findings.compositeId(warehouseId, zoneId, itemId, lot);
    }

    /** One submitted line: what was counted, and what the book said at submission. */
    public record Count(UUID zoneId, UUID itemId, String lot, BigDecimal counted, BigDecimal ledger) {
    }

    /**
     * A submitted count, all its lines at once: each difference opens (or restates) its line's
     * finding, each match resolves it.
     */
    public void countedAll(Stocktake stocktake, Warehouse warehouse, Map<UUID, StorageZone> zones,
            Map<UUID, Item> items, List<Count> counts) {
        List<Count> differing = counts.stream().filter(c -> c.counted().compareTo(c.ledger()) != 0).toList();
        Map<String, Discrepancies.OpenState> stored = discrepancies.findAll(differing.stream()
                .map(c -> key(warehouse, c.zoneId(), c.itemId(), c.lot())).toList());
        List<Discrepancy> found = new ArrayList<>();
        List<Discrepancies.Resolution> matched = new ArrayList<>();
        for (Count c : counts) {
            String key = key(warehouse, c.zoneId(), c.itemId(), c.lot());
            if (c.counted().compareTo(c.ledger()) == 0) {
                matched.add(new Discrepancies.Resolution(key,
                        Findings.text("复盘数量与账面相符", "A later count matches the ledger"),
                        Map.of("stocktakeId", stocktake.id.toString(), "counted", c.counted().toPlainString())));
            } else {
                found.add(finding(stocktake, warehouse, zones.get(c.zoneId()), items.get(c.itemId()), c.lot(),
                        c.counted(), c.ledger(), BigDecimal.ZERO, Optional.ofNullable(stored.get(key))));
            }
        }
        discrepancies.openAll(found);
        discrepancies.resolveAll(matched);
    }

    /** The approved corrections posted their lines' differences. */
    public void correctedAll(Warehouse warehouse, List<Movement> corrections, UUID stocktakeId) {
        discrepancies.resolveAll(corrections.stream().map(m -> new Discrepancies.Resolution(
                key(warehouse, m.zoneId, m.itemId, m.lot),
                Findings.text("盘点差异已审批并更正入账", "The stocktake difference was approved and posted"),
                Map.of("stocktakeId", stocktakeId.toString(), "movementId", m.id.toString()))).toList());
    }

    private String key(Warehouse warehouse, UUID zoneId, UUID itemId, String lot) {
        return findings.key(RULE, warehouse.division, "stock", subjectId(warehouse.id, zoneId, itemId, lot));
    }

    /**
     * The county changed this stock line's book (an approved adjustment, or the reversal of an
     * approved adjustment or correction). Judged against the line's latest submitted count: an
     * open finding resolves when the approved changes since that count make up its difference and
     * states what is left when they make up part of it; a reversal that takes them back opens it
     * again. A line whose difference was settled, or that matched, is not a finding because the
     * county changed its book later; a count sent back to be redone is judged when it is submitted.
     */
    public void bookChanged(Warehouse warehouse, UUID zoneId, UUID itemId, String lot, boolean reversal) {
        String key = key(warehouse, zoneId, itemId, lot);
        lockLine(warehouse, zoneId, itemId, lot);
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("""
                SELECT s.id, s.status, l.counted, l.ledger FROM stocktake_line l JOIN stocktake s ON s.id = l.stocktake_id
                WHERE s.warehouse_id = ?1 AND l.zone_id = ?2 AND l.item_id = ?3 AND l.lot = ?4
                ORDER BY s.status = 'OPEN' DESC, s.submitted_at DESC LIMIT 1""")
                .setParameter(1, warehouse.id).setParameter(2, zoneId).setParameter(3, itemId).setParameter(4, lot)
                .getResultList();
        if (counts.isEmpty() || "OPEN".equals(counts.get(0)[1]) || counts.get(0)[3] == null) {
            return;
        }
        Stocktake stocktake = Stocktake.findById(counts.get(0)[0]);
        BigDecimal counted = (BigDecimal) counts.get(0)[2];
        BigDecimal ledger = (BigDecimal) counts.get(0)[3];
        if (counted.compareTo(ledger) == 0 || !reversal && !discrepancies.isOpen(key)) {
            return;
        }
        BigDecimal approved = approvedSince(warehouse, zoneId, itemId, lot, stocktake.submittedAt);
        if (counted.subtract(ledger).subtract(approved).signum() == 0) {
            discrepancies.resolve(key, Findings.text("经审批的调整已补齐盘点差异，账面与实存相符",
                    "Approved changes made up the stocktake difference"),
                    Map.of("stocktakeId", stocktake.id.toString(), "counted", plain(counted),
                            "approvedChanges", plain(approved)));
            return;
        }
        discrepancies.open(finding(stocktake, warehouse, StorageZone.findById(zoneId), Item.findById(itemId), lot,
                counted, ledger, approved, discrepancies.find(key)));
    }

    /**
     * The rows {@code m} (joined with what they reverse as {@code b}) the county approved:
     * corrections, approved adjustments, and the reversals that take either back. Judged row by row
     * on the movements already narrowed to a warehouse since a moment.
     */
    private static final String APPROVED_SINCE = """
            FROM movement m LEFT JOIN movement b ON b.id = m.reverses_id
            WHERE m.warehouse_id = ?1 AND m.recorded_at >= ?2
              AND (m.type = 'STOCKTAKE_CORRECTION'
                   OR m.type = 'ADJUSTMENT' AND EXISTS (SELECT 1 FROM adjustment_approval a WHERE a.movement_id = m.id)
                   OR m.type = 'REVERSAL' AND (b.type = 'STOCKTAKE_CORRECTION' OR b.type = 'ADJUSTMENT'
                       AND EXISTS (SELECT 1 FROM adjustment_approval a WHERE a.movement_id = b.id)))""";

    /**
     * What the county has approved on this stock line since {@code since}: corrections, approved
     * adjustments, and the reversals of either (which take them back).
     */
    public BigDecimal approvedSince(Warehouse warehouse, UUID zoneId, UUID itemId, String lot, Instant since) {
        return (BigDecimal) em.createNativeQuery("SELECT coalesce(sum(m.delta), 0) " + APPROVED_SINCE
                + " AND m.zone_id = ?3 AND m.item_id = ?4 AND m.lot = ?5")
                .setParameter(1, warehouse.id).setParameter(2, since).setParameter(3, zoneId).setParameter(4, itemId)
                .setParameter(5, lot).getSingleResult();
    }

    /** {@link #approvedSince(Warehouse, UUID, UUID, String, Instant)} of every line of the warehouse that has any. */
    @SuppressWarnings("unchecked")
    public Map<StockQueries.Place, BigDecimal> approvedSince(Warehouse warehouse, Instant since) {
        Map<StockQueries.Place, BigDecimal> approved = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT m.zone_id, m.item_id, m.lot, sum(m.delta) "
                + APPROVED_SINCE + " GROUP BY m.zone_id, m.item_id, m.lot")
                .setParameter(1, warehouse.id).setParameter(2, since).getResultList()) {
            approved.put(new StockQueries.Place((UUID) row[0], (UUID) row[1], (String) row[2]), (BigDecimal) row[3]);
        }
        return approved;
    }

    /** The group every line of one stocktake belongs to in the county's ledger. */
    public static Discrepancy.Source source(Stocktake stocktake, Warehouse warehouse) {
        Instant at = stocktake.submittedAt != null ? stocktake.submittedAt : stocktake.openedAt;
        LocalDate day = LocalDate.ofInstant(at, ClockProducer.CHINA);
        return new Discrepancy.Source("stocktake", stocktake.id.toString(),
                warehouse.name + " " + day.getMonthValue() + "月" + day.getDayOfMonth() + "日盘点");
    }

    private Discrepancy finding(Stocktake stocktake, Warehouse warehouse, StorageZone zone, Item item, String lot,
            BigDecimal counted, BigDecimal ledger, BigDecimal approved, Optional<Discrepancies.OpenState> stored) {
        String id = subjectId(warehouse.id, zone.id, item.id, lot);
        BigDecimal difference = counted.subtract(ledger);
        BigDecimal remaining = difference.subtract(approved);
        String label = warehouse.name + " " + item.name + (lot.isEmpty() ? "" : " 批次" + lot) + "（" + zone.name + "）";
        String zh = String.format("盘点实存 %s%s，账面 %s%s，%s %s%s", plain(counted), unit(item), plain(ledger), unit(item),
                difference.signum() > 0 ? "盘盈" : "盘亏", plain(difference.abs()), unit(item));
        String en = String.format("Counted %s, ledger says %s: %s of %s", plain(counted), plain(ledger),
                difference.signum() > 0 ? "surplus" : "shortage", plain(difference.abs()));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("stocktakeId", stocktake.id.toString());
        evidence.put("counted", plain(counted));
        evidence.put("ledger", plain(ledger));
        evidence.put("difference", plain(difference));
        evidence.put("itemId", item.id.toString());
        evidence.put("zoneId", zone.id.toString());
        evidence.put("lot", lot);
        if (approved.signum() != 0) {
            zh += String.format("；已审批调整 %s%s，尚差 %s%s", signed(approved), unit(item), plain(remaining.abs()),
                    unit(item));
            en += String.format("; approved changes %s, %s still to post", signed(approved), plain(remaining.abs()));
            evidence.put("approvedChanges", plain(approved));
            evidence.put("remaining", plain(remaining));
        }
        // an open difference stays the line of the stocktake that found it, whatever count restates it
        Discrepancy.Source source = stored.filter(Discrepancies.OpenState::open).map(state -> state.finding().source())
                .orElse(source(stocktake, warehouse));
        return findings.finding(RULE, warehouse.division, "stock", id, label, zh, en, evidence).from(source);
    }

    /**
     * Serialises the county's changes of one stock line's book with each other and with the
     * approval of a count (an advisory lock on the line's key until the transaction ends), so that
     * what one of them reads as "approved since the count" includes what the other posted. The
     * warehouse's lock is taken shared first: an approval takes it exclusively instead of one lock
     * per line ({@link #lockLines}).
     */
    public void lockLine(Warehouse warehouse, UUID zoneId, UUID itemId, String lot) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(hashtext(?1)), pg_advisory_xact_lock(hashtext(?2))")
                .setParameter(1, warehouseLock(warehouse))
                .setParameter(2, key(warehouse, zoneId, itemId, lot))
                .getResultList();
    }

    /** {@link #lockLine} for every line of the warehouse at once: for an approval of a whole count. */
    public void lockLines(Warehouse warehouse) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, warehouseLock(warehouse))
                .getSingleResult();
    }

    private String warehouseLock(Warehouse warehouse) {
        return findings.key(RULE, warehouse.division, "warehouse", warehouse.id.toString());
    }

    /** The lines of the warehouse with a keeper's adjustment since {@code since} that still waits for the county. */
    @SuppressWarnings("unchecked")
    public Set<StockQueries.Place> adjustmentsPending(Warehouse warehouse, Instant since) {
        Set<StockQueries.Place> pending = new HashSet<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT DISTINCT m.zone_id, m.item_id, m.lot FROM movement m
                WHERE m.warehouse_id = ?1 AND m.recorded_at >= ?2 AND m.type = 'ADJUSTMENT'
                  AND NOT EXISTS (SELECT 1 FROM adjustment_approval a WHERE a.movement_id = m.id)
                  AND NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_id = m.id)""")
                .setParameter(1, warehouse.id).setParameter(2, since).getResultList()) {
            pending.add(new StockQueries.Place((UUID) row[0], (UUID) row[1], (String) row[2]));
        }
        return pending;
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + plain(value);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String unit(Item item) {
        return item.unit == null ? "" : item.unit;
    }
}
