package org.beiqin.warehouse.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;

/**
 * LEDGER_MISMATCH (物资底数不清、账实不符 — notice 002): a stocktake count differs from the ledger
 * balance of that stock line. Resolved by a later count that matches, or by the approved
 * correction that posts the difference.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LedgerMismatchRule extends RuleSupport {

    public static final Rule RULE = Rule.LEDGER_MISMATCH;

    public static String subjectId(UUID warehouseId, UUID zoneId, UUID itemId, String lot) {
        return Findings.compositeId(warehouseId, zoneId, itemId, lot);
    }

    /** A submitted count: opens on a difference, resolves on a match. */
    public void counted(UUID stocktakeId, Warehouse warehouse, StorageZone zone, Item item, String lot,
            BigDecimal counted, BigDecimal ledger) {
        String id = subjectId(warehouse.id, zone.id, item.id, lot);
        BigDecimal difference = counted.subtract(ledger);
        if (difference.signum() == 0) {
            discrepancies.resolve(Findings.key(RULE, warehouse.division, "stock", id),
                    Findings.text("复盘数量与账面相符", "A later count matches the ledger"),
                    Map.of("stocktakeId", stocktakeId.toString(), "counted", counted.toPlainString()));
            return;
        }
        String label = warehouse.name + " " + item.name + (lot.isEmpty() ? "" : " 批次" + lot) + "（" + zone.name + "）";
        discrepancies.open(findings.finding(RULE, warehouse.division, "stock", id, label,
                String.format("盘点实存 %s%s，账面 %s%s，%s %s%s", plain(counted), unit(item), plain(ledger), unit(item),
                        difference.signum() > 0 ? "盘盈" : "盘亏", plain(difference.abs()), unit(item)),
                String.format("Counted %s, ledger says %s: %s of %s", plain(counted), plain(ledger),
                        difference.signum() > 0 ? "surplus" : "shortage", plain(difference.abs())),
                Map.of("stocktakeId", stocktakeId.toString(), "counted", plain(counted), "ledger", plain(ledger),
                        "difference", plain(difference), "itemId", item.id.toString(), "zoneId", zone.id.toString(),
                        "lot", lot)));
    }

    /** The approved correction posted the difference. */
    public void corrected(Warehouse warehouse, UUID zoneId, UUID itemId, String lot, UUID stocktakeId,
            UUID movementId) {
        discrepancies.resolve(Findings.key(RULE, warehouse.division, "stock",
                subjectId(warehouse.id, zoneId, itemId, lot)),
                Findings.text("盘点差异已审批并更正入账", "The stocktake difference was approved and posted"),
                Map.of("stocktakeId", stocktakeId.toString(), "movementId", movementId.toString()));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String unit(Item item) {
        return item.unit == null ? "" : item.unit;
    }
}
