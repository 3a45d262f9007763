package org.beiqin.warehouse.rules;

import java.time.Duration;
import java.time.Instant;
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
 * CHARGE_CHECK_OVERDUE (未及时充电；备用电源一直处于满电工作状态 — notice 002): a battery-powered item
 * (a warehouse door's backup power included) without a charge reading for longer than its
 * interval (30 days by default), counted from registration if it never had one.
 * <p>Resolved by: a charge reading · the equipment scrapped. The text names the day since which
 * nothing was read, so it is not updated as days pass.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChargeCheckOverdueRule extends RuleSupport {

    public static final Rule RULE = Rule.CHARGE_CHECK_OVERDUE;

    @jakarta.inject.Inject
    RuleParameters parameters;

    public void check(Equipment e, Warehouse warehouse, EquipmentStates.State state) {
        String key = findings.key(RULE, e.division, "equipment", e.id.toString());
        int interval = parameters.chargeIntervalDays(e.kind.name());
        Instant since = state.lastReadingAt() != null ? state.lastReadingAt() : e.registeredAt;
        long days = Duration.between(since, clock.instant()).toDays();
        if (e.status == Equipment.Status.SCRAPPED || !e.batteryPowered || days <= interval) {
            discrepancies.resolve(key, Findings.text("已记录电量读数", "A charge reading was recorded"),
                    state.lastReadingAt() == null ? Map.of() : Map.of("readAt", state.lastReadingAt().toString()));
            return;
        }
        discrepancies.open(findings.finding(RULE, e.division, "equipment", e.id.toString(),
                warehouse.name + " " + e.label,
                state.lastReadingAt() == null
                        ? String.format("“%s”自 %s 登记以来从未检查电量（要求每 %d 天）", e.label, Wording.zhDay(since), interval)
                        : String.format("“%s”自 %s 以来未检查电量（要求每 %d 天）", e.label, Wording.zhDay(since), interval),
                String.format("%s: no charge reading since %s (every %d days required)", e.label, Wording.enDay(since),
                        interval),
                Map.of("since", since.toString(), "intervalDays", interval, "kind", e.kind.name())));
    }
}
