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
import org.beiqin.duty.SpotCheck;

/**
 * UNREACHABLE (值班人员电话联系不上 — notice 002): a spot check not acknowledged within the county's
 * minutes (10). It escalates to the leader of the shift's period on duty at that moment — unless it
 * was the leader who did not answer — and the finding stays open until the officer acknowledges.
 * <p>Resolved when the officer acknowledges ({@code POST /spot-checks/{id}/acknowledgement}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SpotCheckRule extends RuleSupport {

    public void sweep() {
        Instant now = clock.instant();
        for (SpotCheck check : SpotCheck.<SpotCheck>list("acknowledgedAt is null and escalatedAt is null and respondBy <= ?1",
                now)) {
            check.escalatedAt = now;
            Shift shift = Shift.findById(check.shiftId);
            Member member = Member.findById(shift.memberId);
            discrepancies.open(findings.finding(Rule.UNREACHABLE, check.division, "spot-check", check.id.toString(),
                    member.name + " 查岗",
                    String.format("%s %s 发出的查岗，%s %d 分钟未应答", shift.dutyRole.zh,
                            MINUTE.format(check.sentAt), member.name,
                            Duration.between(check.sentAt, check.respondBy).toMinutes()),
                    String.format("Spot check sent %s not acknowledged by %s within %d minutes",
                            MINUTE.format(check.sentAt), member.name,
                            Duration.between(check.sentAt, check.respondBy).toMinutes()),
                    Map.of("shiftId", shift.id.toString(), "memberId", member.id.toString(),
                            "sentAt", check.sentAt.toString(), "phone", member.phone == null ? "" : member.phone)));
            if (!shift.leader()) {
                escalate(check, shift, now);
            }
        }
    }

    /** The officer answered: the check, and any escalation of it, is settled. */
    public void acknowledged(SpotCheck check) {
        discrepancies.resolve(findings.key(Rule.UNREACHABLE, check.division, "spot-check", check.id.toString()),
                Findings.text("值班人员已应答查岗", "The officer acknowledged"),
                Map.of("acknowledgedAt", check.acknowledgedAt.toString()));
    }

    private void escalate(SpotCheck check, Shift shift, Instant now) {
        List<Shift> leaders = Shift.list("periodId = ?1 and dutyRole = ?2 and startsAt <= ?3 and endsAt > ?3",
                shift.periodId, Shift.DutyRole.LEADER, now);
        for (Shift leader : leaders) {
            SpotCheck escalation = new SpotCheck();
            escalation.id = UUID.randomUUID();
            escalation.division = check.division;
            escalation.shiftId = leader.id;
            escalation.escalatedFrom = check.id;
            escalation.sentAt = now;
            escalation.sentBy = "system";
            escalation.respondBy = now.plus(Duration.ofMinutes(parameters.spotCheckMinutes(check.division)));
            escalation.persist();
        }
    }
}
