package org.beiqin.duty.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.outbox.Outbox;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.TeamChanged;
import org.beiqin.contract.Topics;
import org.beiqin.duty.AuditEntry;
import org.beiqin.duty.Member;
import org.beiqin.duty.Team;
import org.beiqin.duty.rules.MemberRules;

/**
 * Teams and their members. Every change is audited (who, when, before and after), runs the member
 * and team rules, and publishes the team's strength on {@code roster.teams} for the warehouse's
 * per-responder stock standard — in the same transaction, through the outbox.
 */
@ApplicationScoped
@Transactional
public class TeamService {

    @Inject
    AccountDirectory accounts;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    MemberRules rules;

    public Team create(Commands.NewTeam command) {
        caller.requireCovers(command.division());
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.division = command.division();
        team.name = command.name().strip();
        team.level = command.level();
        team.createdAt = clock.instant();
        team.persist();
        audit("team", team.id, team.division, "created", null, Map.of("name", team.name, "level", team.level.wire()));
        rules.checkTeam(team);
        publish(team);
        return team;
    }

    public Member addMember(UUID teamId, Commands.NewMember command) {
        Team team = Team.findById(teamId, LockModeType.PESSIMISTIC_WRITE);
        caller.visibleOr404(team, team == null ? null : team.division, "队伍", teamId);
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.teamId = team.id;
        member.division = team.division;
        member.name = command.name().strip();
        member.phone = blankToNull(command.phone());
        member.gender = command.gender();
        member.birthDate = command.birthDate();
        member.account = accounts.bindable(command.account(), team.division);
        requireAccountFree(team.id, member.id, member.account);
        member.roles = List.copyOf(Commands.orEmpty(command.roles()));
        member.status = Member.Status.ACTIVE;
        member.listed = true;
        member.createdAt = clock.instant();
        member.updatedAt = member.createdAt;
        member.persist();
        audit("member", member.id, member.division, "added", null, snapshot(member));
        changed(team, member);
        return member;
    }

    public Member change(UUID teamId, UUID memberId, Commands.MemberChange command) {
        Member member = Member.findById(memberId, LockModeType.PESSIMISTIC_WRITE);
        caller.visibleOr404(member != null && member.teamId.equals(teamId) ? member : null,
                member == null ? null : member.division, "队员", memberId);
        ProblemException.requireVersion(command.version(), member.version);
        Map<String, Object> before = snapshot(member);
        member.status = command.status();
        member.phone = blankToNull(command.phone());
        member.roles = List.copyOf(command.roles());
        String account = blankToNull(command.account());
        if (account == null || member.account == null || !account.equalsIgnoreCase(member.account)) {
            // a new binding is checked against the accounts the gateway announced; an unchanged one stands
            member.account = accounts.bindable(account, member.division);
            requireAccountFree(member.teamId, member.id, member.account);
        }
        member.listed = command.listed();
        member.updatedAt = clock.instant();
        audit("member", member.id, member.division, "changed", before, snapshot(member));
        changed(Team.findById(member.teamId, LockModeType.PESSIMISTIC_WRITE), member);
        Member.flush();
        return member;
    }

    /** One account answers for one member of a team: nobody checks in for two people. */
    private static void requireAccountFree(UUID teamId, UUID memberId, String account) {
        if (account != null && Member.count("teamId = ?1 and lower(account) = lower(?2) and id <> ?3", teamId, account,
                memberId) > 0) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("account", "member.account-taken",
                    account)));
        }
    }

    public Team team(UUID id) {
        Team team = Team.findById(id);
        return caller.visibleOr404(team, team == null ? null : team.division, "队伍", id);
    }

    public List<Team> teams(String division) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        return Team.list("division like ?1 order by division, name", scope + "%");
    }

    public List<Member> members(UUID teamId) {
        return Member.list("teamId = ?1 order by listed desc, name", teamId);
    }

    /** Who changed a member of the team, oldest first: 404 when the member is not of that team. */
    public List<AuditEntry> memberAudit(UUID teamId, UUID memberId) {
        Team team = team(teamId);
        Member member = Member.findById(memberId);
        if (member == null || !team.id.equals(member.teamId)) {
            throw ProblemException.notFound("队员", memberId);
        }
        return AuditEntry.list("subject = 'member' and subjectId = ?1 order by seq", member.id);
    }

    /** The member's own findings, the team's strength, and what the warehouse should know. */
    void changed(Team team, Member member) {
        rules.check(member, team);
        rules.checkTeam(team);
        publish(team);
    }

    void audit(String subject, UUID id, String division, String action, Map<String, Object> before,
            Map<String, Object> after) {
        AuditEntry entry = new AuditEntry();
        entry.subject = subject;
        entry.subjectId = id;
        entry.division = division;
        entry.action = action;
        entry.actor = caller.subject();
        entry.actorName = caller.name();
        entry.at = clock.instant();
        entry.before = before;
        entry.after = after;
        entry.persist();
    }

    private void publish(Team team) {
        Member.flush();
        TeamChanged changed = new TeamChanged(team.id.toString(), team.name, team.division, team.level.wire(),
                (int) team.activeMembers(), clock.instant());
        outbox.enqueue(Topics.ROSTER_TEAMS, team.id.toString(), EventTypes.TEAM_CHANGED, team.id.toString(),
                changed.changedAt(), EventTypes.TEAM_CHANGED_SCHEMA, changed);
    }

    static Map<String, Object> snapshot(Member m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", m.name);
        s.put("status", m.status.name());
        s.put("phone", m.phone);
        s.put("roles", m.roles.stream().map(Enum::name).toList());
        s.put("account", m.account);
        s.put("listed", m.listed);
        return s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
