package org.beiqin.warehouse.rules;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.FacilityInspection;
import org.beiqin.warehouse.Warehouse;

/**
 * FACILITY_RISK (仓库距离远、楼层高、出入口狭窄；防潮不到位，有过水痕迹；仓库门没有手动开启方式 — notice
 * 002；仓库选择在4层 — notice 001): the latest facility inspection failed a checklist item.
 * <p>Resolved by a passing inspection. Updated while open by a later failing inspection (the points
 * it failed).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FacilityRiskRule extends RuleSupport {

    public static final Rule RULE = Rule.FACILITY_RISK;

    private static final Map<String, String> ZH = Map.of("groundFloorOrLift", "物资不在一楼且无电梯",
            "entranceClear", "出入口不通畅", "dry", "防潮不到位、有过水痕迹", "manualDoorRelease", "仓库门无法手动开启",
            "backupPowerCharged", "备用电源电量不足", "extinguisherPresent", "缺少有效灭火器");

    public void inspected(Warehouse warehouse, FacilityInspection inspection) {
        String key = findings.key(RULE, warehouse.division, "warehouse", warehouse.id.toString());
        List<String> failed = inspection.failed();
        if (failed.isEmpty()) {
            discrepancies.resolve(key, Findings.text("设施检查全部合格", "The facility inspection passed"),
                    Map.of("inspectionId", inspection.id.toString(), "inspectedOn", inspection.inspectedOn.toString()));
            return;
        }
        discrepancies.open(findings.finding(RULE, warehouse.division, "warehouse", warehouse.id.toString(),
                warehouse.name,
                warehouse.name + "设施检查不合格：" + String.join("；", failed.stream().map(ZH::get).toList()),
                warehouse.name + " failed its facility inspection: " + String.join(", ", failed),
                Map.of("failed", failed, "inspectionId", inspection.id.toString(),
                        "inspectedOn", inspection.inspectedOn.toString())));
    }
}
