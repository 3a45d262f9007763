package org.beiqin.drill.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;
import org.beiqin.drill.Drill;
import org.beiqin.drill.ImprovementAction;

/**
 * IMPROVEMENT_OVERDUE (演练结束后及时进行总结、评估和改进 — notice 002): an improvement action past its
 * deadline and not done. Resolved when it is done.
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
        discrepancies.reconcile(Rule.IMPROVEMENT_OVERDUE.name(), Findings.SERVICE + "/", "improvement-action", overdue,
                Findings.text("改进措施已完成", "The improvement action was done"));
    }

    public void done(Drill drill, ImprovementAction action) {
        discrepancies.resolve(Findings.key(Rule.IMPROVEMENT_OVERDUE, drill.division, "improvement-action",
                action.id.toString()), Findings.text("改进措施已完成", "The improvement action was done"),
                Map.of("doneAt", action.doneAt.toString()));
    }

    private Discrepancy finding(Drill drill, ImprovementAction action) {
        long late = java.time.temporal.ChronoUnit.DAYS.between(action.deadline, today());
        return findings.finding(Rule.IMPROVEMENT_OVERDUE, drill.division, "improvement-action", action.id.toString(),
                drill.title + " 改进措施 #" + action.position,
                String.format("演练“%s”的改进措施“%s”已逾期 %d 天（%s 负责，时限 %s）", drill.title, action.description,
                        late, action.owner, action.deadline),
                String.format("Drill \"%s\": improvement \"%s\" %d days overdue (owner %s, due %s)", drill.title,
                        action.description, late, action.owner, action.deadline),
                Map.of("deadline", action.deadline.toString(), "owner", action.owner));
    }
}
