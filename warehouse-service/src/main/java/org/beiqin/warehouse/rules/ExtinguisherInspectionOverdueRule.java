package org.beiqin.warehouse.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Extinguisher;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.readmodel.ExtinguisherSchedule;

/**
 * EXTINGUISHER_INSPECTION_OVERDUE (灭火器未及时检测；只有一个灭火器且未年检 — notice 002): the monthly
 * check (GB 50444-2008 §5.2), the annual inspection or the service (§5.3.2) of an extinguisher in
 * service is overdue. An extinguisher away for service or scrapped is not held to them.
 * <p>Resolved by: the overdue check or inspection recorded · the extinguisher sent away for
 * service · scrapped. Updated while open when another schedule falls due as well.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ExtinguisherInspectionOverdueRule extends RuleSupport {

    public static final Rule RULE = Rule.EXTINGUISHER_INSPECTION_OVERDUE;

    private static final Map<String, String> ZH = Map.of("monthlyCheck", "月度检查", "annualInspection", "年度检测",
            "service", "定期送修");
    private static final Map<String, String> EN = Map.of("monthlyCheck", "monthly check", "annualInspection",
            "annual inspection", "service", "periodic service");

    public void check(Extinguisher e, Warehouse warehouse, ExtinguisherSchedule schedule) {
        String key = findings.key(RULE, e.division, "extinguisher", e.id.toString());
        List<String> overdue = new ArrayList<>(
                e.status == Extinguisher.Status.IN_SERVICE ? schedule.overdue(today()) : List.of());
        if (schedule.scrapAgeReached(today())) {
            overdue.remove("service"); // past its scrap age it is to be scrapped, not serviced
        }
        if (overdue.isEmpty()) {
            discrepancies.resolve(key, Findings.text("检查、检测均在期限内", "Checks and inspections are current"),
                    Map.of("monthlyCheckDue", schedule.monthlyCheckDue().toString(),
                            "annualInspectionDue", schedule.annualInspectionDue().toString()));
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("overdue", overdue);
        evidence.put("monthlyCheckDue", schedule.monthlyCheckDue().toString());
        evidence.put("annualInspectionDue", schedule.annualInspectionDue().toString());
        evidence.put("serviceDue", schedule.serviceDue().toString());
        // the due date is the last day on time: it is overdue from the day after
        LocalDate due = firstDue(overdue, schedule).plusDays(1);
        discrepancies.open(findings.finding(RULE, e.division, "extinguisher", e.id.toString(),
                warehouse.name + " " + e.label,
                String.format("灭火器“%s”自 %s 起逾期：%s", e.label, Wording.zh(due),
                        String.join("、", overdue.stream().map(ZH::get).toList())),
                String.format("Extinguisher %s overdue since %s: %s", e.label, Wording.en(due),
                        String.join(", ", overdue.stream().map(EN::get).toList())),
                evidence));
    }

    private static LocalDate firstDue(List<String> overdue, ExtinguisherSchedule s) {
        LocalDate first = null;
        for (String which : overdue) {
            LocalDate due = switch (which) {
                case "monthlyCheck" -> s.monthlyCheckDue();
                case "annualInspection" -> s.annualInspectionDue();
                default -> s.serviceDue();
            };
            first = first == null || due.isBefore(first) ? due : first;
        }
        return first;
    }
}
