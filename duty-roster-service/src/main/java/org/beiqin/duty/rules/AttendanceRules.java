package org.beiqin.duty.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Rule;
import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;

/**
 * NOT_CHECKED_IN (应急值班人员不在岗 — notice 002) and LEADER_ABSENT (带班领导缺岗, higher severity): the
 * person on a shift has not checked in the county's minutes (15) after it started — or after they
 * were put on it, for a substitute. The key is the shift and the person.
 * <p>Resolved when that person checks in (late). A substitute put on the shift covers it from then
 * on, but does not erase the absence: the absent person's finding stays for the county to rectify.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AttendanceRules extends RuleSupport {

    public void sweep() {
        Instant now = clock.instant();
        // a shift is chased from its start for as long as it lasts, and a day after
        List<Shift> due = Shift.list("checkedInAt is null and startsAt <= ?1 and endsAt > ?2", now,
                now.minus(Duration.ofDays(1)));
        for (Shift shift : due) {
            Instant from = shift.assignedAt.isAfter(shift.startsAt) ? shift.assignedAt : shift.startsAt;
            int grace = parameters.checkInGraceMinutes(shift.division);
            if (!now.isBefore(from.plus(Duration.ofMinutes(grace)))) {
                Member member = Member.findById(shift.memberId);
                open(shift, member, grace);
            }
        }
    }

    /** The person on the shift checked in, or another person took it: their finding ends. */
    public void settled(Shift shift, UUID memberId, String how) {
        String id = subjectId(shift.id, memberId);
        for (Rule rule : List.of(Rule.NOT_CHECKED_IN, Rule.LEADER_ABSENT)) {
            discrepancies.resolve(findings.key(rule, shift.division, "shift", id),
                    Findings.text(how, how), Map.of("shiftId", shift.id.toString()));
        }
    }

    private void open(Shift shift, Member member, int grace) {
        Rule rule = shift.leader() ? Rule.LEADER_ABSENT : Rule.NOT_CHECKED_IN;
        String role = shift.dutyRole.zh;
        discrepancies.open(findings.finding(rule, shift.division, "shift", subjectId(shift.id, member.id),
                member.name + " " + MINUTE.format(shift.startsAt) + " 班",
                String.format("%s%s 的班次 %s 开始，%d 分钟后仍未签到", role, member.name, MINUTE.format(shift.startsAt),
                        grace),
                String.format("%s %s has not checked in %d minutes after the shift starting %s",
                        shift.leader() ? "Duty leader" : "Duty officer", member.name, grace,
                        MINUTE.format(shift.startsAt)),
                Map.of("shiftId", shift.id.toString(), "memberId", member.id.toString(),
                        "startsAt", shift.startsAt.toString(), "phone", member.phone == null ? "" : member.phone)));
    }

    static String subjectId(UUID shiftId, UUID memberId) {
        return shiftId + ":" + memberId;
    }
}
