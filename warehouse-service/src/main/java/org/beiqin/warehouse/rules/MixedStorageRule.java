package org.beiqin.warehouse.rules;

import org.beiqin.warehouse.readmodel.StockQueries;
import org.beiqin.contract.Discrepancy;
import org.beiqin.commons.discrepancy.Discrepancies;
import java.util.List;
import java.util.Collection;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;

/**
 * MIXED_STORAGE (防汛物资与其他物品混放，没有分类存放 — notice 002): stock of one category held in a
 * zone designated for another.
 * <p>Resolved when that stock has left the zone: a transfer, an issue, a scrap, an adjustment,
 * the receipt's reversal. Updated while open when the quantity in the zone changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MixedStorageRule extends RuleSupport {

    public static final Rule RULE = Rule.MIXED_STORAGE;

    /** Stock of an item placed in a zone. */
    public record Placement(StorageZone zone, Item item) {
    }

    /**
     * The verdicts on {@code placements}, not yet written. Only stock in a zone of another category
     * is read (none for a placement that matches its zone, the usual case).
     */
    public Discrepancies.Verdicts judgeAll(Warehouse warehouse, Collection<Placement> placements) {
        List<StockQueries.Place> mixed = placements.stream().filter(p -> p.zone().category != p.item().category)
                .map(p -> new StockQueries.Place(p.zone().id, p.item().id, null)).toList();
        Map<StockQueries.Place, BigDecimal> quantities = stock.inZones(warehouse.id, mixed);
        List<Discrepancy> found = new ArrayList<>();
        List<Discrepancies.Resolution> left = new ArrayList<>();
        for (Placement placement : placements) {
            StorageZone zone = placement.zone();
            Item item = placement.item();
            String id = Findings.compositeId(warehouse.id, zone.id, item.id);
            BigDecimal quantity = quantities.getOrDefault(new StockQueries.Place(zone.id, item.id, null), BigDecimal.ZERO);
            if (zone.category == item.category || quantity.signum() == 0) {
                left.add(new Discrepancies.Resolution(findings.key(RULE, warehouse.division, "stock", id),
                        Findings.text("物资已移出不符的存放区", "The stock left the zone of another category"),
                        Map.of("zoneId", zone.id.toString())));
                continue;
            }
            found.add(findings.finding(RULE, warehouse.division, "stock", id,
                    warehouse.name + " " + item.name + "（" + zone.name + "）",
                    String.format("%s物资“%s”存放在%s区“%s”，未分类存放", item.category.zh, item.name, zone.category.zh,
                            zone.name),
                    String.format("%s item \"%s\" kept in %s zone \"%s\"", item.category.en, item.name,
                            zone.category.en, zone.name),
                    Map.of("itemCategory", item.category.name(), "zoneCategory", zone.category.name(),
                            "quantity", quantity.stripTrailingZeros().toPlainString())));
        }
        return new Discrepancies.Verdicts(found, left);
    }
}
