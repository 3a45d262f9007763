package org.beiqin.warehouse.rules;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Equipment;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.config.RuleParameters;
import org.beiqin.warehouse.readmodel.EquipmentStates;

/**
 * EQUIPMENT_FAULTY (5个语音广播仅有1个能正常使用 — notice 002): a check found the equipment faulty
 * and no repair or scrap followed within 7 days, counted from the first failing check since it last
 * worked (a second failing check does not restart the clock).
 * <p>Resolved by: a repair · a check that finds it working · the equipment scrapped.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EquipmentFaultyRule extends RuleSupport {

    public static final Rule RULE = Rule.EQUIPMENT_FAULTY;

    @jakarta.inject.Inject
    RuleParameters parameters;

    public void check(Equipment e, Warehouse warehouse, EquipmentStates.State state) {
        String key = findings.key(RULE, e.division, "equipment", e.id.toString());
        int limit = parameters.faultRepairDays(e.division);
        boolean faultStanding = e.status == Equipment.Status.FAULTY && state.faultSince() != null;
        long days = faultStanding ? Duration.between(state.faultSince(), clock.instant()).toDays() : 0;
        if (!faultStanding || days <= limit) {
            discrepancies.resolve(key, Findings.text(e.status == Equipment.Status.SCRAPPED ? "已报废" : "已修复",
                    e.status == Equipment.Status.SCRAPPED ? "Scrapped" : "Repaired"), Map.of());
            return;
        }
        discrepancies.open(findings.finding(RULE, e.division, "equipment", e.id.toString(),
                warehouse.name + " " + e.label,
                String.format("“%s”于 %s 检查发现故障，%d 天内未修复或报废", e.label,
                        Wording.zhDay(state.faultSince()), limit),
                String.format("%s found faulty on %s, not repaired or scrapped within %d days", e.label,
                        Wording.enDay(state.faultSince()), limit),
                Map.of("faultFoundAt", state.faultSince().toString(), "limitDays", limit, "kind", e.kind.name())));
    }
}
