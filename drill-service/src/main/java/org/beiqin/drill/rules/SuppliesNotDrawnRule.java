package org.beiqin.drill.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;
import org.beiqin.drill.DrawnSupply;
import org.beiqin.drill.Drill;
import org.beiqin.drill.DrillStatus;
import org.beiqin.drill.Parts;

/**
 * SUPPLIES_NOT_DRAWN (演练需动用的物资在仓库，无开封启用痕迹 — notice 002): the plan lists supplies,
 * the drill was conducted, its day is over, and the warehouse ledger shows no issue movement
 * referencing the drill for one of them (same warehouse and item; a reversed issue does not
 * count).
 * <p>Resolved when the issue movements arrive on {@code warehouse.movements}; opened again when one
 * is reversed. Updated while open when part of the supplies is drawn (the text names what is left).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SuppliesNotDrawnRule extends RuleSupport {

    public void check(Drill drill) {
        Discrepancy finding = finding(drill);
        if (finding != null) {
            discrepancies.open(finding);
        } else {
            discrepancies.resolve(findings.key(Rule.SUPPLIES_NOT_DRAWN, drill.division, "drill", drill.id.toString()),
                    Findings.text("计划物资均已按演练出库", "Every planned supply was issued for the drill"),
                    Map.of("drawn", DrawnSupply.count("drillId = ?1 and reversed = false", drill.id)));
        }
    }

    public void sweep() {
        List<Discrepancy> found = new ArrayList<>();
        for (Drill drill : Drill.<Drill>list("status in ?1", List.of(DrillStatus.CONDUCTED, DrillStatus.EVALUATED))) {
            Discrepancy finding = finding(drill);
            if (finding != null) {
                found.add(finding);
            }
        }
        discrepancies.reconcile(Rule.SUPPLIES_NOT_DRAWN.name(), findings.keyPrefix(), "drill", found,
                Findings.text("计划物资均已按演练出库", "Every planned supply was issued for the drill"));
    }

    private Discrepancy finding(Drill drill) {
        LocalDate day = drillDay(drill);
        boolean held = drill.status == DrillStatus.CONDUCTED || drill.status == DrillStatus.EVALUATED;
        if (!held || day == null || drill.supplies.isEmpty() || !today().isAfter(day)) {
            return null;
        }
        List<DrawnSupply> drawn = DrawnSupply.list("drillId = ?1 and reversed = false", drill.id);
        List<String> missing = new ArrayList<>();
        Map<String, Object> planned = new LinkedHashMap<>();
        for (Parts.Supply supply : drill.supplies) {
            BigDecimal issued = drawn.stream()
                    .filter(d -> d.warehouseId.equals(supply.warehouseId()) && d.itemId.equals(supply.itemId()))
                    .map(d -> d.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            planned.put(supply.itemName(), Map.of("planned", supply.quantity(), "issued", issued));
            if (issued.signum() == 0) {
                missing.add(supply.itemName() + " " + supply.quantity().stripTrailingZeros().toPlainString()
                        + (supply.unit() == null ? "" : supply.unit()));
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return findings.finding(Rule.SUPPLIES_NOT_DRAWN, drill.division, "drill", drill.id.toString(), drill.title,
                String.format("演练“%s”（%s）计划动用的物资没有出库记录：%s", drill.title, Wording.zh(day),
                        String.join("、", missing)),
                String.format("Drill \"%s\" (%s): planned supplies never issued: %s", drill.title, Wording.en(day),
                        String.join(", ", missing)),
                Map.of("drillDay", day.toString(), "supplies", planned));
    }
}
