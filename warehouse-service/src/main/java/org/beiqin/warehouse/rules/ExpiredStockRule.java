package org.beiqin.warehouse.rules;

import org.beiqin.warehouse.readmodel.StockQueries;
import org.beiqin.commons.discrepancy.Discrepancies;
import java.util.UUID;
import java.util.Collection;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Warehouse;

/**
 * EXPIRED_STOCK (shelf-life goods: food, water, medicine, batteries): a lot past its expiry date
 * still counted as available.
 * <p>Resolved by the lot reaching zero: an issue, a scrap, a transfer out, an adjustment.
 * Updated while open when the quantity left changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ExpiredStockRule extends RuleSupport {

    public static final Rule RULE = Rule.EXPIRED_STOCK;

    /**
     * The verdicts on the lots of {@code places}, not yet written. Stock without a lot ('') has no
     * expiry (a lot is registered with its date, and '' never is), so it is not read or judged.
     */
    public Discrepancies.Verdicts judgeAll(Warehouse warehouse, Map<UUID, Item> items,
            Collection<StockQueries.Place> places) {
        List<Discrepancy> found = new ArrayList<>();
        List<Discrepancies.Resolution> left = new ArrayList<>();
        List<StockQueries.Place> lots = places.stream().filter(p -> p.lot() != null && !p.lot().isEmpty()).toList();
        for (StockQueries.LotStock lot : stock.lots(warehouse.id, lots)) {
            Item item = items.get(lot.itemId());
            Discrepancy finding = finding(warehouse, item, lot.lot(), lot.expiresOn(), lot.quantity());
            if (finding != null) {
                found.add(finding);
            } else {
                left.add(new Discrepancies.Resolution(
                        findings.key(RULE, warehouse.division, "lot", subjectId(warehouse, item, lot.lot())),
                        Findings.text("过期批次已出库、报废或轮换", "The expired lot was issued, scrapped or rotated"),
                        Map.of("remaining", lot.quantity().stripTrailingZeros().toPlainString())));
            }
        }
        return new Discrepancies.Verdicts(found, left);
    }

    public void sweep() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT b.warehouse_id, b.item_id, b.lot, sum(b.quantity), l.expires_on FROM stock_balance b
                JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
                WHERE l.expires_on < ?1 AND b.quantity > 0
                GROUP BY b.warehouse_id, b.item_id, b.lot, l.expires_on""")
                .setParameter(1, today()).getResultList();
        List<Discrepancy> expired = new ArrayList<>();
        for (Object[] row : rows) {
            Warehouse warehouse = Warehouse.findById(row[0]);
            Item item = Item.findById(row[1]);
            LocalDate expiresOn = row[4] instanceof LocalDate d ? d : ((Date) row[4]).toLocalDate();
            expired.add(finding(warehouse, item, (String) row[2], expiresOn, (BigDecimal) row[3]));
        }
        discrepancies.reconcile(RULE.name(), findings.keyPrefix(), "lot", expired,
                Findings.text("过期批次已出库、报废或轮换", "The expired lot was issued, scrapped or rotated"));
    }

    private Discrepancy finding(Warehouse warehouse, Item item, String lot, LocalDate expiresOn, BigDecimal quantity) {
        LocalDate today = today();
        if (expiresOn == null || !expiresOn.isBefore(today) || quantity.signum() == 0) {
            return null;
        }
        String qty = quantity.stripTrailingZeros().toPlainString();
        String unit = item.unit == null ? "" : item.unit;
        return findings.finding(RULE, warehouse.division, "lot", subjectId(warehouse, item, lot),
                warehouse.name + " " + item.name + " 批次" + lot,
                String.format("%s 批次 %s 保质期至 %s，已过期，仍有 %s%s 在库", item.name, lot, Wording.zh(expiresOn), qty,
                        unit),
                String.format("%s lot %s was good until %s; %s %s still in stock", item.name, lot,
                        Wording.en(expiresOn), qty, unit),
                Map.of("expiresOn", expiresOn.toString(), "quantity", qty, "itemId", item.id.toString(), "lot", lot));
    }

    private static String subjectId(Warehouse warehouse, Item item, String lot) {
        return Findings.compositeId(warehouse.id, item.id, lot);
    }
}
