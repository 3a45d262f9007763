package org.beiqin.drill.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;
import org.beiqin.drill.Drill;
import org.beiqin.drill.ImprovementAction;

/**
 * IMPROVEMENT_OVERDUE (演练结束后及时进行总结、评估和改进 — notice 002): an improvement action past its
 * deadline and not done.
 * <p>Resolved when it is done ({@link #done}), when its deadline is moved to today or later with a
 * reason ({@link #check}), or by the sweep finding it no longer overdue. Imported history is judged
 * when it arrives: a past deadline of an action not done opens it at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ImprovementOverdueRule extends RuleSupport {

    public void sweep() {
        List<Discrepancy> overdue = new ArrayList<>();
        for (ImprovementAction action : ImprovementAction.<ImprovementAction>list("status = ?1 and deadline < ?2",
                ImprovementAction.Status.OPEN, today())) {
            overdue.add(finding(Drill.findById(action.drillId), action));
        }
        discrepancies.reconcile(Rule.IMPROVEMENT_OVERDUE.name(), findings.keyPrefix(), "improvement-action", overdue,
                Findings.text("改进措施已完成", "The improvement action was done"));
    }

    /** One action after its deadline changed or it was imported: overdue now, or not. */
    public void check(Drill drill, ImprovementAction action) {
        if (action.status == ImprovementAction.Status.OPEN && action.deadline.isBefore(today())) {
            discrepancies.open(finding(drill, action));
        } else if (action.status == ImprovementAction.Status.DONE) {
            done(drill, action);
        } else {
            discrepancies.resolve(key(drill, action), Findings.text("改进措施时限已调整至 " + Wording.zh(action.deadline),
                    "The deadline was moved to " + Wording.en(action.deadline)),
                    Map.of("deadline", action.deadline.toString()));
        }
    }

    private String key(Drill drill, ImprovementAction action) {
        return findings.key(Rule.IMPROVEMENT_OVERDUE, drill.division, "improvement-action", action.id.toString());
    }

    public void done(Drill drill, ImprovementAction action) {
        discrepancies.resolve(key(drill, action), Findings.text("改进措施已完成", "The improvement action was done"),
                Map.of("doneAt", action.doneAt.toString()));
    }

    private Discrepancy finding(Drill drill, ImprovementAction action) {
        return findings.finding(Rule.IMPROVEMENT_OVERDUE, drill.division, "improvement-action", action.id.toString(),
                drill.title + " 改进措施 #" + action.position,
                String.format("演练“%s”的改进措施“%s”已过时限 %s 仍未完成（%s 负责）", drill.title, action.description,
                        Wording.zh(action.deadline), action.owner),
                String.format("Drill \"%s\": improvement \"%s\" not done by its deadline %s (owner %s)", drill.title,
                        action.description, Wording.en(action.deadline), action.owner),
                Map.of("deadline", action.deadline.toString(), "owner", action.owner));
    }
}
