package org.beiqin.duty.rules;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Rule;
import org.beiqin.duty.DutyPeriod;
import org.beiqin.duty.Shift;

/**
 * COVERAGE_GAP (严格落实24小时应急值班要求 — notices 000, 002): an interval of a duty period without its
 * required leaders and staff rostered. The roster is cut at every shift boundary, so each gap is
 * found exactly, to the minute; the finding lists every gap and follows the roster while open.
 * Periods are judged by the sweep until they end.
 * <p>Resolved when the roster is full: by a shift added or a rotation laid that fills the gap (each
 * judged at once), or by the sweep. Overrides and swaps change who stands a shift, not whether it
 * is staffed, so they neither open nor close a gap.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CoverageRule extends RuleSupport {

    /**
     * After a roster change: a full roster resolves at once, and an open finding states the gaps
     * that are left. New gaps are left to the sweep (every minute), so that a roster still being
     * typed in is judged once it stands, not line by line.
     */
    public void check(DutyPeriod period) {
        if (gaps(period).isEmpty()) {
            resolve(period);
        } else if (discrepancies.isOpen(findings.key(Rule.COVERAGE_GAP, period.division, "duty-period",
                period.id.toString()))) {
            judge(period);
        }
    }

    public void sweep() {
        for (DutyPeriod period : DutyPeriod.<DutyPeriod>list("endsAt > ?1", clock.instant())) {
            judge(period);
        }
    }

    private void resolve(DutyPeriod period) {
        discrepancies.resolve(findings.key(Rule.COVERAGE_GAP, period.division, "duty-period", period.id.toString()),
                Findings.text("值班表已排满", "The roster is full"), Map.of());
    }

    private void judge(DutyPeriod period) {
        List<Coverage.Gap> gaps = gaps(period);
        String subject = period.id.toString();
        if (gaps.isEmpty()) {
            resolve(period);
            return;
        }
        List<String> zh = gaps.stream().map(g -> MINUTE.format(g.from()) + "—" + MINUTE.format(g.to())
                + "（带班 " + g.leaders() + "，值班 " + g.staff() + "）").toList();
        List<Map<String, Object>> evidence = gaps.stream().map(g -> Map.<String, Object>of("from", g.from().toString(),
                "to", g.to().toString(), "leaders", g.leaders(), "staff", g.staff())).toList();
        discrepancies.open(findings.finding(Rule.COVERAGE_GAP, period.division, "duty-period", subject, period.name,
                String.format("“%s”有 %d 段时间不足 %d 名带班领导和 %d 名值班人员：%s", period.name, gaps.size(),
                        period.minLeaders, period.minStaff, String.join("；", zh)),
                String.format("\"%s\": %d intervals without %d leader(s) and %d staff: %s", period.name, gaps.size(),
                        period.minLeaders, period.minStaff, String.join("; ", zh)),
                Map.of("gaps", evidence)));
    }

    /** The intervals of the period short of leaders or staff, adjacent ones with the same counts merged. */
    public List<Coverage.Gap> gaps(DutyPeriod period) {
        List<Shift> shifts = Shift.list("periodId = ?1 and endsAt > ?2 and startsAt < ?3", period.id, period.startsAt,
                period.endsAt);
        return Coverage.gaps(period.startsAt, period.endsAt, period.minLeaders, period.minStaff,
                shifts.stream().map(s -> new Coverage.Cover(s.startsAt, s.endsAt, s.leader())).toList());
    }
}
