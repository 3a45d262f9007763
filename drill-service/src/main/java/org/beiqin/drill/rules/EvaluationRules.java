package org.beiqin.drill.rules;

import static org.beiqin.commons.time.ClockProducer.CHINA;

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
import org.beiqin.drill.Drill;
import org.beiqin.drill.DrillStatus;
import org.beiqin.drill.Evaluation;

/**
 * EVALUATION_MISSING (应急演练后无总结、评估 — notice 002): a conducted drill with no evaluation once
 * the county's days (7 by default) after the drill day have passed. EVALUATION_BEFORE_PLAN
 * (演练总结日期在演练方案制定日期之前): an evaluation dated before the plan's approval or before the
 * drill — the API refuses it, so it comes from imported records.
 * <p>EVALUATION_MISSING is resolved when the evaluation is filed; EVALUATION_BEFORE_PLAN when its
 * date is corrected ({@code PUT /{id}/evaluation/date}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EvaluationRules extends RuleSupport {

    public void check(Drill drill, Evaluation evaluation) {
        Discrepancy missing = missing(drill, evaluation);
        if (missing != null) {
            discrepancies.open(missing);
        } else {
            discrepancies.resolve(findings.key(Rule.EVALUATION_MISSING, drill.division, "drill", drill.id.toString()),
                    Findings.text("已提交总结评估", "The evaluation was filed"),
                    evaluation == null ? Map.of() : Map.of("evaluatedOn", evaluation.evaluatedOn.toString()));
        }
        LocalDate approved = drill.approvedAt == null ? null : LocalDate.ofInstant(drill.approvedAt, CHINA);
        LocalDate conducted = drillDay(drill);
        boolean early = evaluation != null && ((approved != null && evaluation.evaluatedOn.isBefore(approved))
                || (conducted != null && evaluation.evaluatedOn.isBefore(conducted)));
        if (early) {
            discrepancies.open(findings.finding(Rule.EVALUATION_BEFORE_PLAN, drill.division, "drill",
                    drill.id.toString(), drill.title,
                    String.format("演练“%s”的总结评估日期 %s 早于方案批准（%s）或演练实施（%s）", drill.title,
                            evaluation.evaluatedOn, approved, conducted),
                    String.format("Drill \"%s\": evaluation dated %s, before approval (%s) or the drill (%s)",
                            drill.title, evaluation.evaluatedOn, approved, conducted),
                    evidence(evaluation, approved, conducted)));
        } else {
            discrepancies.resolve(findings.key(Rule.EVALUATION_BEFORE_PLAN, drill.division, "drill",
                    drill.id.toString()), Findings.text("评估日期已更正", "The evaluation date was corrected"),
                    evaluation == null ? Map.of() : Map.of("evaluatedOn", evaluation.evaluatedOn.toString()));
        }
    }

    public void sweep() {
        List<Discrepancy> overdue = new ArrayList<>();
        for (Drill drill : Drill.<Drill>list("status", DrillStatus.CONDUCTED)) {
            Discrepancy finding = missing(drill, null);
            if (finding != null) {
                overdue.add(finding);
            }
        }
        discrepancies.reconcile(Rule.EVALUATION_MISSING.name(), findings.keyPrefix(), "drill", overdue,
                Findings.text("已提交总结评估", "The evaluation was filed"));
    }

    private Discrepancy missing(Drill drill, Evaluation evaluation) {
        LocalDate day = drillDay(drill);
        if (drill.status != DrillStatus.CONDUCTED || evaluation != null || day == null) {
            return null;
        }
        int days = parameters.evaluationDays(drill.division);
        LocalDate due = due(day, days);
        if (!overdue(due, today())) {
            return null;
        }
        return findings.finding(Rule.EVALUATION_MISSING, drill.division, "drill", drill.id.toString(), drill.title,
                String.format("演练“%s”已于 %s 实施，%d 天内未提交总结评估（应于 %s 前）", drill.title, Wording.zh(day),
                        days, Wording.zh(due)),
                String.format("Drill \"%s\" held on %s has no evaluation after %d days (due %s)", drill.title,
                        Wording.en(day), days, Wording.en(due)),
                Map.of("drillDay", day.toString(), "due", due.toString()));
    }

    /** The last day the evaluation may be filed: {@code days} after the drill day (Beijing). */
    static LocalDate due(LocalDate drillDay, int days) {
        return drillDay.plusDays(days);
    }

    /** Missing from the day after the due day: the due day itself still counts as in time. */
    static boolean overdue(LocalDate due, LocalDate today) {
        return today.isAfter(due);
    }

    private static Map<String, Object> evidence(Evaluation evaluation, LocalDate approved, LocalDate conducted) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("evaluatedOn", evaluation.evaluatedOn.toString());
        if (approved != null) {
            evidence.put("approvedOn", approved.toString());
        }
        if (conducted != null) {
            evidence.put("conductedOn", conducted.toString());
        }
        return evidence;
    }
}
