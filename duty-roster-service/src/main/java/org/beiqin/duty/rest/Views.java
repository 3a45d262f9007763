package org.beiqin.duty.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.beiqin.duty.AuditEntry;
import org.beiqin.duty.DutyPeriod;
import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;
import org.beiqin.duty.SpotCheck;
import org.beiqin.duty.Team;
import org.beiqin.duty.rules.Coverage;
import org.beiqin.duty.service.Lookups;

/** What the API returns; entities never leave as JSON. */
public final class Views {

    private Views() {
    }

    public record TeamView(UUID id, String division, String name, Team.Level level, long activeMembers, int version) {
        static TeamView from(Team t) {
            return new TeamView(t.id, t.division, t.name, t.level, t.activeMembers(), t.version);
        }
    }

    public record MemberView(UUID id, UUID teamId, String division, String name, String phone, String gender,
            LocalDate birthDate, Member.Status status, String statusLabel, List<Member.Role> roles, boolean listed,
            String account, int version) {
        static MemberView from(Member m) {
            return new MemberView(m.id, m.teamId, m.division, m.name, m.phone, m.gender, m.birthDate, m.status,
                    m.status.zh, m.roles, m.listed, m.account, m.version);
        }
    }

    public record TeamDetail(TeamView team, List<MemberView> members) {
    }

    public record AuditView(Instant at, String action, String actor, String actorName, Map<String, Object> before,
            Map<String, Object> after) {
        static AuditView from(AuditEntry a) {
            return new AuditView(a.at, a.action, a.actor, a.actorName, a.before, a.after);
        }
    }

    public record PeriodView(UUID id, String division, String name, Instant startsAt, Instant endsAt, int minLeaders,
            int minStaff, List<GapView> gaps) {
        static PeriodView from(DutyPeriod p, List<Coverage.Gap> gaps) {
            return new PeriodView(p.id, p.division, p.name, p.startsAt, p.endsAt, p.minLeaders, p.minStaff,
                    gaps.stream().map(g -> new GapView(g.from(), g.to(), g.leaders(), g.staff())).toList());
        }
    }

    public record GapView(Instant from, Instant to, int leaders, int staff) {
    }

    public record ShiftView(UUID id, UUID periodId, String division, Instant startsAt, Instant endsAt, UUID memberId,
            String memberName, String phone, Shift.DutyRole role, String roleLabel, Shift.Source source,
            UUID replacedMemberId, String changeReason, Instant checkedInAt, Boolean late, String location,
            Instant checkedOutAt, int version) {
        static ShiftView from(Shift s, Lookups lookups) {
            return list(List.of(s), lookups).get(0);
        }

        /** The shifts with their members, read in one query for all of them. */
        static List<ShiftView> list(List<Shift> shifts, Lookups lookups) {
            Map<UUID, Member> members = lookups.members(shifts.stream().map(s -> s.memberId).toList());
            return shifts.stream().map(s -> from(s, members.get(s.memberId))).toList();
        }

        private static ShiftView from(Shift s, Member m) {
            return new ShiftView(s.id, s.periodId, s.division, s.startsAt, s.endsAt, s.memberId, m.name, m.phone,
                    s.dutyRole, s.dutyRole.zh, s.source, s.replacedMemberId, s.changeReason, s.checkedInAt, s.checkInLate,
                    s.checkInLocation, s.checkedOutAt, s.version);
        }
    }

    public record OnDuty(List<ShiftView> onDuty, List<ShiftView> notCheckedIn) {
    }

    public record SpotCheckView(UUID id, String division, UUID shiftId, String officer, UUID escalatedFrom,
            Instant sentAt, String sentBy, Instant respondBy, Instant acknowledgedAt, Instant escalatedAt,
            String state) {
        static SpotCheckView from(SpotCheck c, Instant now, Lookups lookups) {
            return list(List.of(c), now, lookups).get(0);
        }

        /** The checks with the officers they went to, read in one query per kind for all of them. */
        static List<SpotCheckView> list(List<SpotCheck> checks, Instant now, Lookups lookups) {
            Map<UUID, Shift> shifts = lookups.shifts(checks.stream().map(c -> c.shiftId).toList());
            Map<UUID, Member> members = lookups.members(shifts.values().stream().map(s -> s.memberId).toList());
            return checks.stream().map(c -> from(c, now, members.get(shifts.get(c.shiftId).memberId))).toList();
        }

        private static SpotCheckView from(SpotCheck c, Instant now, Member m) {
            String state = c.acknowledgedAt != null ? "ACKNOWLEDGED"
                    : c.escalatedAt != null ? "UNANSWERED" : now.isBefore(c.respondBy) ? "WAITING" : "OVERDUE";
            return new SpotCheckView(c.id, c.division, c.shiftId, m.name, c.escalatedFrom, c.sentAt, c.sentBy,
                    c.respondBy, c.acknowledgedAt, c.escalatedAt, state);
        }
    }
}
