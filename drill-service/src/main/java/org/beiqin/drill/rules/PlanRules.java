package org.beiqin.drill.rules;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;
import org.beiqin.drill.Drill;
import org.beiqin.drill.DrillStatus;
import org.beiqin.drill.Parts;

/**
 * UNIT_WITHOUT_CONTACT (每个参演单位明确一名联系人 — notice 002) and ROLES_UNASSIGNED (具体岗位任务不明确
 * — notice 004): an adopted plan (approved, conducted or evaluated — approval refuses these, so
 * they come from imported records) with a unit lacking a named contact and phone, or a participant
 * without a task.
 * <p>Resolved by: the units' contacts or the participants' tasks completed ({@code PUT /{id}/units},
 * {@code /participants}) · the drill cancelled. Updated while open when some are completed and
 * others are not (the text names those left).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanRules extends RuleSupport {

    public void check(Drill drill) {
        List<String> noContact = drill.units.stream().filter(u -> !u.hasContact()).map(Parts.Unit::name).toList();
        discrepancies.set(adopted(drill) && !noContact.isEmpty(),
                findings.finding(Rule.UNIT_WITHOUT_CONTACT, drill.division, "drill", drill.id.toString(), drill.title,
                        String.format("演练“%s”的参演单位未明确联系人和电话：%s", drill.title, String.join("、", noContact)),
                        String.format("Drill \"%s\": units without a contact and phone: %s", drill.title,
                                String.join(", ", noContact)),
                        Map.of("units", noContact)),
                cancelled(drill) ? CANCELLED : Findings.text("参演单位均已明确联系人", "Every unit has a contact"), Map.of());
        List<String> noRole = drill.participants.stream().filter(p -> !p.hasRole()).map(Parts.Participant::name)
                .toList();
        discrepancies.set(adopted(drill) && !noRole.isEmpty(),
                findings.finding(Rule.ROLES_UNASSIGNED, drill.division, "drill", drill.id.toString(), drill.title,
                        String.format("演练“%s”有 %d 名参演人员岗位任务不明确：%s", drill.title, noRole.size(),
                                String.join("、", noRole)),
                        String.format("Drill \"%s\": %d participants without a task: %s", drill.title, noRole.size(),
                                String.join(", ", noRole)),
                        Map.of("participants", noRole)),
                cancelled(drill) ? CANCELLED : Findings.text("参演人员岗位任务均已明确", "Every participant has a task"),
                Map.of());
    }

    private static final Discrepancy.Text CANCELLED = Findings.text("演练已取消",
            "The drill was cancelled");

    private static boolean cancelled(Drill drill) {
        return drill.status == DrillStatus.CANCELLED;
    }
}
