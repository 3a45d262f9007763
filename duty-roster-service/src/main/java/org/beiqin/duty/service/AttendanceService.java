package org.beiqin.duty.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.time.ClockProducer;
import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;
import org.beiqin.duty.rules.AttendanceRules;

/**
 * A duty officer's own shifts, checked into and out of with one call each. Check-in opens half an
 * hour before a shift and stays open until it ends; a check-in after the start is recorded late —
 * never as on time — and still ends the officer's NOT_CHECKED_IN or LEADER_ABSENT.
 */
@ApplicationScoped
@Transactional
public class AttendanceService {

    /** How early before a shift an officer may check in. */
    public static final Duration EARLY = Duration.ofMinutes(30);

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    AttendanceRules rules;

    /**
     * The caller's member records (one person may be on a township and a village team): bound to
     * the caller's account, and of a team whose area includes the division the caller signed in
     * with — an account moved to another township no longer acts for its old team.
     */
    public List<UUID> me() {
        List<UUID> ids = membersOf(caller.subject(), caller.division());
        if (ids.isEmpty()) {
            throw new ProblemException(404, "not-a-member");
        }
        return ids;
    }

    /** The active member records bound to {@code account} that may act in {@code division}. */
    public List<UUID> membersOf(String account, String division) {
        return Member.<Member>list("lower(account) = lower(?1) and status = ?2 and ?3 like concat(division, '%')",
                account, Member.Status.ACTIVE, division).stream().map(m -> m.id).toList();
    }

    /** Shifts not yet over, soonest first. */
    public List<Shift> upcoming(int limit) {
        return upcoming(me(), null, limit);
    }

    /** The members' shifts not yet over and starting within {@code days} (all when null), soonest first. */
    public List<Shift> upcoming(List<UUID> members, Integer days, int limit) {
        if (members.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        if (days == null) {
            return Shift.find("memberId in ?1 and endsAt > ?2 order by startsAt", members, now).range(0, limit - 1).list();
        }
        return Shift.find("memberId in ?1 and endsAt > ?2 and startsAt < ?3 order by startsAt", members, now,
                now.plus(Duration.ofDays(days))).range(0, limit - 1).list();
    }

    public Shift checkIn(String location) {
        Instant now = clock.instant();
        List<UUID> mine = me();
        Shift shift = Shift.find("""
                memberId in ?1 and checkedInAt is null and startsAt <= ?2 and endsAt > ?3
                and ?4 like concat(division, '%') order by startsAt""",
                mine, now.plus(EARLY), now, caller.division()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (shift == null) {
            Shift current = Shift.find("""
                    memberId in ?1 and checkedInAt is not null and checkedOutAt is null and startsAt <= ?2 and endsAt > ?3
                    and ?4 like concat(division, '%') order by startsAt""",
                    mine, now.plus(EARLY), now, caller.division()).firstResult();
            if (current != null) {
                // a second tap: say when he checked in, in Beijing time, not "no shift now"
                ZonedDateTime in = current.checkedInAt.atZone(ClockProducer.CHINA);
                throw new ProblemException(409, "already-checked-in",
                        in.format(DateTimeFormatter.ofPattern("M月d日 HH:mm")),
                        in.format(DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)));
            }
            List<Shift> next = Shift.find("""
                    memberId in ?1 and startsAt > ?2 and ?3 like concat(division, '%') order by startsAt""",
                    mine, now, caller.division()).range(0, 0).list();
            // the next shift as people write it, in Beijing time: 7月21日 08:00 / 21 Jul 08:00
            ZonedDateTime at = next.isEmpty() ? null
                    : next.get(0).startsAt.atZone(ClockProducer.CHINA);
            throw new ProblemException(409, "no-shift-now", EARLY.toMinutes(),
                    at == null ? "暂无" : at.format(DateTimeFormatter.ofPattern("M月d日 HH:mm")),
                    at == null ? "none yet" : at.format(DateTimeFormatter.ofPattern("d MMM HH:mm",
                            Locale.ENGLISH)));
        }
        shift.checkedInAt = now;
        shift.checkInLate = now.isAfter(shift.startsAt);
        shift.checkInLocation = location == null || location.isBlank() ? null : location.strip();
        rules.settled(shift, shift.memberId, shift.checkInLate ? "已签到（迟到）" : "已签到");
        Shift.flush();
        return shift;
    }

    public Shift checkOut() {
        Shift shift = Shift.find("memberId in ?1 and checkedInAt is not null and checkedOutAt is null order by startsAt",
                me()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (shift == null) {
            throw ProblemException.conflict("not-checked-in");
        }
        shift.checkedOutAt = clock.instant();
        Shift.flush();
        return shift;
    }

    /** Who is on duty right now in {@code division}, checked in or not. */
    public List<Shift> onDutyNow(String division) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        Instant now = clock.instant();
        return Shift.list("division like ?1 and startsAt <= ?2 and endsAt > ?2 order by dutyRole, startsAt",
                scope + "%", now);
    }
}
