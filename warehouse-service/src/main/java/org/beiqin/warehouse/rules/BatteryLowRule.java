package org.beiqin.warehouse.rules;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Equipment;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.config.RuleParameters;
import org.beiqin.warehouse.readmodel.EquipmentStates;

/**
 * BATTERY_LOW (手电筒没电或电量不足；应急灯缺电；卫星电话未及时充电 — notice 002): the latest charge
 * reading is below the kind's threshold (80 % by default).
 * <p>Resolved by: a reading at or above the threshold · the equipment scrapped. Updated while open
 * by a new reading still below it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BatteryLowRule extends RuleSupport {

    public static final Rule RULE = Rule.BATTERY_LOW;

    @jakarta.inject.Inject
    RuleParameters parameters;

    public void check(Equipment e, Warehouse warehouse, EquipmentStates.State state) {
        String key = findings.key(RULE, e.division, "equipment", e.id.toString());
        int threshold = parameters.chargeThresholdPercent(e.kind.name());
        if (e.status == Equipment.Status.SCRAPPED || !e.batteryPowered || state.lastPercent() == null
                || state.lastPercent() >= threshold) {
            discrepancies.resolve(key, Findings.text("电量已达标", "Charged to the threshold"),
                    state.lastPercent() == null ? Map.of() : Map.of("percent", state.lastPercent()));
            return;
        }
        discrepancies.open(findings.finding(RULE, e.division, "equipment", e.id.toString(),
                warehouse.name + " " + e.label,
                String.format("“%s”电量 %d%%，低于 %d%%", e.label, state.lastPercent(), threshold),
                String.format("%s charged to %d%%, below %d%%", e.label, state.lastPercent(), threshold),
                Map.of("percent", state.lastPercent(), "threshold", threshold, "readAt",
                        state.lastReadingAt().toString(), "kind", e.kind.name())));
    }
}
