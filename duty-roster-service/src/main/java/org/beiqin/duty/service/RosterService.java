package org.beiqin.duty.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException.FieldError;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Divisions;
import org.beiqin.duty.AuditEntry;
import org.beiqin.duty.DutyPeriod;
import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;
import org.beiqin.duty.Team;
import org.beiqin.duty.rules.Coverage;
import org.beiqin.duty.rules.CoverageRule;
import org.beiqin.duty.rules.MemberRules;

/**
 * Duty periods and their shifts. A rotation lays shifts day by day or week by week from a local
 * start time in Asia/Shanghai (so a 08:00–08:00 shift crosses midnight and month ends on the
 * calendar a duty room uses); overrides and swaps change one shift and leave the rotation as it
 * was. Every change re-checks the period's coverage.
 */
@ApplicationScoped
@Transactional
public class RosterService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    CoverageRule coverage;

    @Inject
    MemberRules memberRules;

    @Inject
    TeamService teams;

    public DutyPeriod createPeriod(Commands.NewPeriod command) {
        caller.requireCovers(command.division());
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw ProblemException.invalid(List.of(new FieldError("endsAt", "end-before-start")));
        }
        DutyPeriod period = new DutyPeriod();
        period.id = UUID.randomUUID();
        period.division = command.division();
        period.name = command.name().strip();
        period.startsAt = command.startsAt();
        period.endsAt = command.endsAt();
        period.minLeaders = command.minLeaders();
        period.minStaff = command.minStaff();
        period.createdAt = clock.instant();
        period.persist();
        coverage.check(period);
        return period;
    }

    public Shift addShift(UUID periodId, Commands.NewShift command) {
        DutyPeriod period = period(periodId, true);
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw ProblemException.invalid(List.of(new FieldError("endsAt", "end-before-start")));
        }
        Member member = rosterable(period, command.memberId(), "memberId");
        Shift shift = newShift(period, member, command.role(), command.startsAt(), command.endsAt(), Shift.Source.MANUAL, null);
        coverage.check(period);
        return shift;
    }

    /** Lays the rotation's shifts; running it again for the same days adds nothing. */
    public List<Shift> rotate(UUID periodId, Commands.Rotation rotation) {
        DutyPeriod period = period(periodId, true);
        if (rotation.to().isBefore(rotation.from())) {
            throw ProblemException.invalid(List.of(new FieldError("to", "end-before-start")));
        }
        List<Member> leaders = new ArrayList<>();
        for (int i = 0; i < rotation.leaders().size(); i++) {
            leaders.add(rosterable(period, rotation.leaders().get(i), "leaders[" + i + "]"));
        }
        List<List<Member>> groups = new ArrayList<>();
        for (int g = 0; g < rotation.staff().size(); g++) {
            List<Member> group = new ArrayList<>();
            for (int i = 0; i < rotation.staff().get(g).size(); i++) {
                group.add(rosterable(period, rotation.staff().get(g).get(i), "staff[" + g + "][" + i + "]"));
            }
            groups.add(group);
        }
        int stepDays = rotation.pattern() == Commands.RotationPattern.WEEKLY ? 7 : 1;
        List<Shift> laid = new ArrayList<>();
        int slot = 0;
        for (LocalDate day = rotation.from(); !day.isAfter(rotation.to()); day = day.plusDays(stepDays), slot++) {
            Instant start = day.atTime(rotation.startTime()).atZone(CHINA).toInstant();
            Instant end = day.atTime(rotation.startTime()).atZone(CHINA).plusHours(rotation.hours()).toInstant();
            String key = periodId + ":" + rotation.pattern() + ":" + start;
            Member leader = leaders.get(slot % leaders.size());
            laid.add(rotated(period, leader, Shift.DutyRole.LEADER, start, end, key + ":L"));
            List<Member> group = groups.get(slot % groups.size());
            for (int i = 0; i < group.size(); i++) {
                laid.add(rotated(period, group.get(i), Shift.DutyRole.STAFF, start, end, key + ":S" + i));
            }
        }
        coverage.check(period);
        return laid.stream().filter(Objects::nonNull).toList();
    }

    /**
     * Another person takes this one shift (替班); the rotation stays as it was. Only a shift not
     * yet over, and never by the person being replaced. The replaced person's NOT_CHECKED_IN or
     * LEADER_ABSENT, if the sweep already found it, stays open: an absence is a fact, which neither
     * the edit nor the substitute's arrival undoes — the county closes it in its ledger.
     */
    public Shift override(UUID shiftId, Commands.Override command) {
        Shift shift = shift(shiftId);
        ProblemException.requireVersion(command.version(), shift.version);
        requireChangeable(shift);
        DutyPeriod period = DutyPeriod.findById(shift.periodId);
        Member member = rosterable(period, command.memberId(), "memberId");
        UUID previous = shift.memberId;
        replace(shift, member, command.reason());
        recheckMember(previous);
        coverage.check(period);
        Shift.flush();
        return shift;
    }

    /**
     * Two people exchange their shifts (换班): neither checked into nor over, arranged by neither of them, each
     * as the office saw it (its version), and each person still one who may be rostered on the other's
     * shift — a swap must not put back on the roster someone who has left since the shifts were laid.
     * The two rows are locked in one order whichever is named first, so two offices swapping the same
     * pair the other way round wait for each other instead of deadlocking.
     */
    public List<Shift> swap(UUID shiftId, Commands.Swap command) {
        if (shiftId.equals(command.otherShiftId())) {
            throw ProblemException.invalid(List.of(new FieldError("otherShiftId", "swap-same-shift")));
        }
        boolean inOrder = shiftId.compareTo(command.otherShiftId()) < 0;
        Shift lockedFirst = shift(inOrder ? shiftId : command.otherShiftId());
        Shift lockedSecond = shift(inOrder ? command.otherShiftId() : shiftId);
        Shift first = inOrder ? lockedFirst : lockedSecond;
        Shift second = inOrder ? lockedSecond : lockedFirst;
        ProblemException.requireVersion(command.version(), first.version);
        ProblemException.requireVersion(command.otherVersion(), second.version);
        if (first.checkedInAt != null || second.checkedInAt != null) {
            throw ProblemException.conflict("shift-started");
        }
        requireChangeable(first);
        requireChangeable(second);
        DutyPeriod firstPeriod = DutyPeriod.findById(first.periodId);
        DutyPeriod secondPeriod = DutyPeriod.findById(second.periodId);
        // a departure recorded meanwhile (TeamService locks the member to write it) waits for us, or we for it
        Member.findById(first.memberId, LockModeType.PESSIMISTIC_READ);
        Member.findById(second.memberId, LockModeType.PESSIMISTIC_READ);
        Member toFirst = rosterable(firstPeriod, second.memberId, "otherShiftId");
        Member toSecond = rosterable(secondPeriod, first.memberId, "otherShiftId");
        replace(first, toFirst, command.reason());
        replace(second, toSecond, command.reason());
        coverage.check(firstPeriod);
        if (!secondPeriod.id.equals(firstPeriod.id)) {
            coverage.check(secondPeriod);
        }
        Shift.flush();
        return List.of(first, second);
    }

    public List<Shift> shifts(UUID periodId) {
        period(periodId, false);
        return Shift.list("periodId = ?1 order by startsAt, dutyRole, id", periodId);
    }

    public DutyPeriod period(UUID id, boolean lock) {
        DutyPeriod period = lock ? DutyPeriod.findById(id, LockModeType.PESSIMISTIC_WRITE) : DutyPeriod.findById(id);
        return caller.visibleOr404(period, period == null ? null : period.division, "值班时段", id);
    }

    public List<DutyPeriod> periods(String division) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        return DutyPeriod.list("division like ?1 order by startsAt desc", scope + "%");
    }

    public List<Coverage.Gap> gaps(DutyPeriod period) {
        return coverage.gaps(period);
    }

    /** Who rostered the shift and who changed it since, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> audit(UUID shiftId) {
        Shift shift = Shift.findById(shiftId);
        caller.visibleOr404(shift, shift == null ? null : shift.division, "班次", shiftId);
        return AuditEntry.list("subject = 'shift' and subjectId = ?1 order by seq", shift.id);
    }

    private Shift shift(UUID id) {
        Shift shift = Shift.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return caller.visibleOr404(shift, shift == null ? null : shift.division, "班次", id);
    }

    /**
     * Ended shifts are history (an absence stays an absence), and nobody rearranges their own
     * shift: the person on it could otherwise hand away a shift they missed.
     */
    private void requireChangeable(Shift shift) {
        if (!shift.endsAt.isAfter(clock.instant())) {
            throw ProblemException.conflict("shift-ended");
        }
        Member onShift = Member.findById(shift.memberId);
        if (onShift != null && onShift.account != null && onShift.account.equalsIgnoreCase(caller.subject())) {
            throw new ProblemException(403, "own-shift-change");
        }
    }

    private void replace(Shift shift, Member member, String reason) {
        Member previous = Member.findById(shift.memberId);
        Map<String, Object> before = Map.of("memberId", shift.memberId.toString(), "member",
                previous == null ? "" : previous.name);
        shift.replacedMemberId = shift.memberId;
        shift.memberId = member.id;
        shift.assignedAt = clock.instant();
        shift.changeReason = reason.strip();
        teams.audit("shift", shift.id, shift.division, "reassigned", before,
                Map.of("memberId", member.id.toString(), "member", member.name, "reason", shift.changeReason));
    }

    private void recheckMember(UUID memberId) {
        Member member = Member.findById(memberId);
        Shift.flush();
        memberRules.check(member, Team.findById(member.teamId));
    }

    private Shift rotated(DutyPeriod period, Member member, Shift.DutyRole role, Instant start, Instant end,
            String key) {
        if (Shift.count("rotationKey", key) > 0) {
            return null;
        }
        return newShift(period, member, role, start, end, Shift.Source.ROTATION, key);
    }

    private Shift newShift(DutyPeriod period, Member member, Shift.DutyRole role, Instant start, Instant end,
            Shift.Source source, String key) {
        Shift shift = new Shift();
        shift.id = UUID.randomUUID();
        shift.periodId = period.id;
        shift.division = period.division;
        shift.startsAt = start;
        shift.endsAt = end;
        shift.memberId = member.id;
        shift.dutyRole = role;
        shift.source = source;
        shift.rotationKey = key;
        shift.assignedAt = start; // a roster entered late does not move the start; a substitute does
        shift.persist();
        teams.audit("shift", shift.id, shift.division, "rostered", null, Map.of("member", member.name,
                "role", shift.dutyRole.name(), "source", source.name(), "startsAt", shift.startsAt.toString(),
                "endsAt", shift.endsAt.toString()));
        return shift;
    }

    /** An active member of a team within the period's division (or above it). */
    private Member rosterable(DutyPeriod period, UUID memberId, String field) {
        Member member = Member.findById(memberId);
        if (member == null || !(Divisions.covers(member.division, period.division)
                || Divisions.covers(period.division, member.division)) || !caller.covers(member.division)) {
            throw ProblemException.invalid(List.of(new FieldError(field, "member-unknown")));
        }
        if (member.departed() || !member.listed) {
            throw ProblemException.invalid(List.of(new FieldError(field, "member-departed")));
        }
        return member;
    }
}
