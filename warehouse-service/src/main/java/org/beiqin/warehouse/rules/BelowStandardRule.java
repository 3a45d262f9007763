package org.beiqin.warehouse.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.readmodel.StockQueries;

/**
 * BELOW_STANDARD, fixed minimum (铁锨只有20把，胶鞋31双，应急手电6个 — notice 002；救生衣6件、口哨0个
 * — notice 004): the usable quantity of an item (expired lots excluded) is below the minimum set
 * for the warehouse.
 * <p>Resolved by: stock reaching the minimum (a receipt, a return, a transfer in, an
 * adjustment) · the minimum lowered. Updated while open when the usable quantity or the minimum
 * changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BelowStandardRule extends RuleSupport {

    public static final Rule RULE = Rule.BELOW_STANDARD;

    public void check(Warehouse warehouse, Item item) {
        checkAll(warehouse, List.of(item));
    }

    /** Judges every item of {@code items} against its minimum in a fixed number of statements. */
    public void checkAll(Warehouse warehouse, Collection<Item> items) {
        discrepancies.apply(judgeAll(warehouse, items));
    }

    /** The verdicts on {@code items}, not yet written: their minimums and usable stock read in one query. */
    public Discrepancies.Verdicts judgeAll(Warehouse warehouse, Collection<Item> items) {
        return judgeAll(warehouse, items, Map.of());
    }

    /**
     * {@link #judgeAll(Warehouse, Collection)} with the standings already read after the change
     * (a posting's statement reads its item's): no query when they cover every item.
     */
    public Discrepancies.Verdicts judgeAll(Warehouse warehouse, Collection<Item> items,
            Map<UUID, StockQueries.Standing> known) {
        if (items.isEmpty()) {
            return Discrepancies.Verdicts.none();
        }
        Map<UUID, StockQueries.Standing> standings = items.stream().allMatch(i -> known.containsKey(i.id)) ? known
                : stock.standings(warehouse.id, items.stream().map(i -> i.id).toList(), today());
        List<Discrepancy> found = new ArrayList<>();
        List<Discrepancies.Resolution> met = new ArrayList<>();
        for (Item item : items) {
            StockQueries.Standing standing = standings.get(item.id);
            Discrepancy finding = standing.minimum() == null ? null
                    : finding(warehouse, item, standing.minimum(), standing.available());
            if (finding != null) {
                found.add(finding);
            } else {
                met.add(new Discrepancies.Resolution(
                        findings.key(RULE, warehouse.division, "standard", subjectId(warehouse.id, item.id)),
                        Findings.text("库存已达到配备标准", "Stock meets the standard"),
                        Map.of("available", standing.available().stripTrailingZeros().toPlainString())));
            }
        }
        return new Discrepancies.Verdicts(found, met);
    }

    public void sweep() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT warehouse_id, item_id, minimum FROM stock_standard")
                .getResultList();
        List<Discrepancy> below = new ArrayList<>();
        for (Object[] row : rows) {
            Warehouse warehouse = Warehouse.findById(row[0]);
            Item item = Item.findById(row[1]);
            Discrepancy finding = finding(warehouse, item, (BigDecimal) row[2],
                    stock.available(warehouse.id, item.id, today()));
            if (finding != null) {
                below.add(finding);
            }
        }
        discrepancies.reconcile(RULE.name(), findings.keyPrefix(), "standard", below,
                Findings.text("库存已达到配备标准", "Stock meets the standard"));
    }

    private Discrepancy finding(Warehouse warehouse, Item item, BigDecimal minimum, BigDecimal available) {
        if (available.compareTo(minimum) >= 0) {
            return null;
        }
        String unit = item.unit == null ? "" : item.unit;
        String have = available.stripTrailingZeros().toPlainString();
        String need = minimum.stripTrailingZeros().toPlainString();
        return findings.finding(RULE, warehouse.division, "standard", subjectId(warehouse.id, item.id),
                warehouse.name + " " + item.name,
                String.format("%s 可用 %s%s，低于配备标准 %s%s", item.name, have, unit, need, unit),
                String.format("%s: %s %s usable, standard is %s", item.name, have, unit, need),
                Map.of("available", have, "minimum", need, "itemId", item.id.toString()));
    }

    static String subjectId(UUID warehouseId, UUID itemId) {
        return Findings.compositeId(warehouseId, itemId);
    }
}
