package org.beiqin.drill.rules;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
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
        judge(drill, Rule.UNIT_WITHOUT_CONTACT, noContact, "units",
                Findings.text("参演单位均已明确联系人", "Every unit has a contact"),
                String.format("演练“%s”的参演单位未明确联系人和电话：%s", drill.title, String.join("、", noContact)),
                String.format("Drill \"%s\": units without a contact and phone: %s", drill.title,
                        String.join(", ", noContact)));
        List<String> noRole = drill.participants.stream().filter(p -> !p.hasRole()).map(Parts.Participant::name)
                .toList();
        judge(drill, Rule.ROLES_UNASSIGNED, noRole, "participants",
                Findings.text("参演人员岗位任务均已明确", "Every participant has a task"),
                String.format("演练“%s”有 %d 名参演人员岗位任务不明确：%s", drill.title, noRole.size(),
                        String.join("、", noRole)),
                String.format("Drill \"%s\": %d participants without a task: %s", drill.title, noRole.size(),
                        String.join(", ", noRole)));
    }

    /** Opens the plan's finding while an adopted plan lacks something, else resolves it (as cancelled, if it was). */
    private void judge(Drill drill, Rule rule, List<String> lacking, String evidence, Discrepancy.Text complete,
            String zh, String en) {
        if (!adopted(drill) || lacking.isEmpty()) {
            discrepancies.resolve(findings.key(rule, drill.division, "drill", drill.id.toString()),
                    cancelled(drill) ? CANCELLED : complete, Map.of());
            return;
        }
        discrepancies.open(findings.finding(rule, drill.division, "drill", drill.id.toString(), drill.title, zh, en,
                Map.of(evidence, lacking)));
    }

    private static final Discrepancy.Text CANCELLED = Findings.text("演练已取消",
            "The drill was cancelled");

    private static boolean cancelled(Drill drill) {
        return drill.status == DrillStatus.CANCELLED;
    }
}
