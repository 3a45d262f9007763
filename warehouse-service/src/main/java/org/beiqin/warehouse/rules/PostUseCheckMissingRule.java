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
 * POST_USE_CHECK_MISSING (抛绳器使用记录未及时更新，可能导致急用时无法使用 — notice 002): equipment
 * back from a drill or an incident without a check within 3 days, counted from the first return
 * since its last check (a second use is not a check).
 * <p>Resolved by: a check · the equipment scrapped.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PostUseCheckMissingRule extends RuleSupport {

    public static final Rule RULE = Rule.POST_USE_CHECK_MISSING;

    @jakarta.inject.Inject
    RuleParameters parameters;

    public void check(Equipment e, Warehouse warehouse, EquipmentStates.State state) {
        String key = findings.key(RULE, e.division, "equipment", e.id.toString());
        int limit = parameters.postUseCheckDays(e.division);
        boolean unchecked = e.status != Equipment.Status.SCRAPPED && state.uncheckedSince() != null;
        long days = unchecked ? Duration.between(state.uncheckedSince(), clock.instant()).toDays() : 0;
        if (!unchecked || days <= limit) {
            discrepancies.resolve(key, Findings.text("使用后已检查", "Checked after use"),
                    state.lastCheckAt() == null ? Map.of() : Map.of("checkedAt", state.lastCheckAt().toString()));
            return;
        }
        discrepancies.open(findings.finding(RULE, e.division, "equipment", e.id.toString(),
                warehouse.name + " " + e.label,
                String.format("“%s”于 %s 使用后归还，未在 %d 天内检查", e.label,
                        Wording.zhDay(state.uncheckedSince()), limit),
                String.format("%s back from use on %s and not checked within %d days", e.label,
                        Wording.enDay(state.uncheckedSince()), limit),
                Map.of("returnedAt", state.uncheckedSince().toString(), "limitDays", limit)));
    }
}
