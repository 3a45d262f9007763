package org.beiqin.warehouse.rules;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    public void check(Warehouse warehouse, StorageZone zone, Item item) {
        String id = Findings.compositeId(warehouse.id, zone.id, item.id);
        BigDecimal quantity = stock.inZone(warehouse.id, zone.id, item.id);
        if (zone.category == item.category || quantity.signum() == 0) {
            discrepancies.resolve(findings.key(RULE, warehouse.division, "stock", id),
                    Findings.text("物资已移出不符的存放区", "The stock left the zone of another category"),
                    Map.of("zoneId", zone.id.toString()));
            return;
        }
        discrepancies.open(findings.finding(RULE, warehouse.division, "stock", id,
                warehouse.name + " " + item.name + "（" + zone.name + "）",
                String.format("%s物资“%s”存放在%s区“%s”，未分类存放", item.category.zh, item.name, zone.category.zh,
                        zone.name),
                String.format("%s item \"%s\" kept in %s zone \"%s\"", item.category.en, item.name, zone.category.en,
                        zone.name),
                Map.of("itemCategory", item.category.name(), "zoneCategory", zone.category.name(),
                        "quantity", quantity.stripTrailingZeros().toPlainString())));
    }
}
