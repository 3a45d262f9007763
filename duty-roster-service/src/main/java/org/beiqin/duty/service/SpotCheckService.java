package org.beiqin.duty.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Divisions;
import org.beiqin.commons.security.Roles;
import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;
import org.beiqin.duty.SpotCheck;
import org.beiqin.duty.config.RuleParameters;
import org.beiqin.duty.rules.SpotCheckRule;

/**
 * 查岗: the county office or the township checks whoever is on duty now; each must acknowledge
 * within the county's minutes (10). Unanswered checks escalate in the sweep (SpotCheckRule). The
 * whole history stays: nothing is deleted, an acknowledgement is recorded once.
 */
@ApplicationScoped
@Transactional
public class SpotCheckService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    RuleParameters parameters;

    @Inject
    SpotCheckRule rule;

    public List<SpotCheck> send(String division) {
        caller.requireCovers(division);
        Instant now = clock.instant();
        // a duty officer who checks his villages does not check himself
        List<UUID> own = caller.hasRole(Roles.DUTY_OFFICER) ? Member.<Member>list("lower(account) = lower(?1)",
                caller.subject()).stream().map(m -> m.id).toList() : List.of();
        List<Shift> onDuty = Shift.<Shift>list("division like ?1 and startsAt <= ?2 and endsAt > ?2", division + "%", now)
                .stream().filter(s -> !own.contains(s.memberId)).toList();
        if (onDuty.isEmpty()) {
            throw ProblemException.conflict("nobody-on-duty", division);
        }
        List<SpotCheck> sent = new ArrayList<>();
        for (Shift shift : onDuty) {
            SpotCheck check = new SpotCheck();
            check.id = UUID.randomUUID();
            check.division = shift.division;
            check.shiftId = shift.id;
            check.sentAt = now;
            check.sentBy = caller.name();
            check.respondBy = now.plus(Duration.ofMinutes(parameters.spotCheckMinutes(shift.division)));
            check.persist();
            sent.add(check);
        }
        return sent;
    }

    /** The officer checked answers; a second answer keeps the first time. */
    public SpotCheck acknowledge(UUID id) {
        SpotCheck check = SpotCheck.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (check == null) {
            throw ProblemException.notFound("查岗", id);
        }
        Shift shift = Shift.findById(check.shiftId);
        Member member = Member.findById(shift.memberId);
        // the officer answering is the member's bound account, signed in within the check's area
        // (a village officer answers his township's check); anyone else in scope is refused, and
        // outside it the check does not exist
        boolean addressee = member.account != null && member.account.equalsIgnoreCase(caller.subject())
                && Divisions.covers(check.division, caller.division());
        if (!addressee) {
            caller.visibleOr404(check, check.division, "查岗", id);
            throw new ProblemException(403, "not-your-spot-check");
        }
        if (check.acknowledgedAt == null) {
            check.acknowledgedAt = clock.instant();
            rule.acknowledged(check);
        }
        return check;
    }

    /** Spot checks in {@code division}, newest first, with their escalations. */
    public List<SpotCheck> history(String division) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        return SpotCheck.list("division like ?1 order by sentAt desc, id", scope + "%");
    }

    /** Open checks addressed to the caller. */
    public List<SpotCheck> mine(List<UUID> members) {
        return SpotCheck.list("acknowledgedAt is null and shiftId in (select s.id from Shift s where s.memberId in ?1)"
                + " order by sentAt", members);
    }
}
