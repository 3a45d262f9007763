package org.beiqin.duty.rules;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Rule;
import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;
import org.beiqin.duty.Team;

/**
 * The findings about one member (notices 002, 004): STALE_ASSIGNMENT — a person who resigned or was
 * transferred still holds a role (指挥长…) or a future shift; MEMBER_DEPARTED_LISTED — such a person
 * still on the team's list; MEMBER_OVER_AGE — an active member older than the county's limit for
 * their gender (60 for men, 50 for women by default); CONTACT_MISSING — an active member without a
 * phone. TEAM_BELOW_MINIMUM — a team with fewer active members than its level needs (30 for a
 * township, 10 for a village).
 * <p>Resolved by ({@code PUT /teams/{id}/members/{memberId}} unless said otherwise): STALE_ASSIGNMENT
 * — the roles taken off and the future shifts given to others (override), updated while some
 * remain; MEMBER_DEPARTED_LISTED — taken off the list, or back to active; MEMBER_OVER_AGE — resigned,
 * transferred or taken off the list; CONTACT_MISSING — the phone added, or the member gone or
 * delisted; TEAM_BELOW_MINIMUM — members added or back to active (updated by the sweep while short).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MemberRules extends RuleSupport {

    public void check(Member member, Team team) {
        String id = member.id.toString();
        List<String> holds = new ArrayList<>();
        member.roles.forEach(r -> holds.add(r.zh));
        long futureShifts = Shift.count("memberId = ?1 and endsAt > ?2", member.id, clock.instant());
        if (futureShifts > 0) {
            holds.add(futureShifts + " 个未到期的班次");
        }
        judge(member.departed() && !holds.isEmpty(), Rule.STALE_ASSIGNMENT, member,
                String.format("%s%s，仍担任：%s", member.name, member.status.zh, String.join("、", holds)),
                String.format("%s has left (%s) but still holds: %s", member.name, member.status, String.join(", ", holds)),
                Map.of("status", member.status.name(), "holds", holds),
                "职务和班次已调整", "Roles and shifts were reassigned");
        judge(member.departed() && member.listed, Rule.MEMBER_DEPARTED_LISTED, member,
                String.format("%s%s，仍在“%s”名单上", member.name, member.status.zh, team.name),
                String.format("%s has left (%s) but is still on the list of %s", member.name, member.status, team.name),
                Map.of("status", member.status.name(), "team", team.name),
                "已从名单移除", "Removed from the list");
        int limit = parameters.maxAge(member.division, member.gender);
        judge(active(member) && overAge(member.birthDate, LocalDate.now(clock.withZone(CHINA)), limit), Rule.MEMBER_OVER_AGE, member,
                String.format("%s %d年%d月出生，已超过%s队员 %d 岁的上限", member.name, member.birthDate.getYear(),
                        member.birthDate.getMonthValue(), "M".equals(member.gender) ? "男" : "女", limit),
                String.format("%s, born %s, is over the limit of %d", member.name,
                        member.birthDate.withDayOfMonth(1).toString().substring(0, 7), limit),
                Map.of("limit", limit, "birthDate", member.birthDate.toString()),
                "已不在队伍中", "No longer on the team");
        judge(active(member) && !member.hasPhone(), Rule.CONTACT_MISSING, member,
                String.format("%s（%s）未登记联系电话", member.name, team.name),
                String.format("%s (%s) has no phone number", member.name, team.name), Map.of("team", team.name),
                "已登记电话", "A phone number was added");
    }

    /** After a change: a team at strength resolves at once; a short one is judged by the sweep. */
    public void checkTeam(Team team) {
        if (team.activeMembers() >= parameters.minSize(team.division, team.level.wire())) {
            judgeTeam(team);
        }
    }

    public void sweepTeams() {
        for (Team team : Team.<Team>listAll()) {
            judgeTeam(team);
        }
    }

    private void judgeTeam(Team team) {
        long active = team.activeMembers();
        int minimum = parameters.minSize(team.division, team.level.wire());
        if (active >= minimum) {
            discrepancies.resolve(findings.key(Rule.TEAM_BELOW_MINIMUM, team.division, "team", team.id.toString()),
                    Findings.text("队员人数已达标", "The team is at strength"), Map.of("active", active));
            return;
        }
        discrepancies.open(findings.finding(Rule.TEAM_BELOW_MINIMUM, team.division, "team", team.id.toString(),
                team.name, String.format("%s现有在岗队员 %d 人，低于%s级队伍 %d 人的要求", team.name, active,
                        team.level.zh, minimum),
                String.format("%s has %d active members, below the %s minimum of %d", team.name, active,
                        team.level.wire(), minimum),
                Map.of("active", active, "minimum", minimum)));
    }

    /** Birthdays pass without anybody writing. */
    public void sweepAges() {
        for (Member member : Member.<Member>list("status = ?1 and listed = true", Member.Status.ACTIVE)) {
            if (overAge(member.birthDate, LocalDate.now(clock.withZone(CHINA)),
                    parameters.maxAge(member.division, member.gender))) {
                check(member, Team.findById(member.teamId));
            }
        }
    }

    /**
     * Older than the limit (建议男性队员不超过60岁): full years of age above it, so a man of limit 60
     * is over it from his 61st birthday; one born on 29 February has it on 1 March in other years.
     */
    static boolean overAge(LocalDate birthDate, LocalDate today, int limit) {
        return Period.between(birthDate, today).getYears() > limit;
    }

    private static boolean active(Member member) {
        return !member.departed() && member.listed;
    }

    /** Opens the member's finding of {@code rule} while {@code holds}, else resolves it with the reason given. */
    private void judge(boolean holds, Rule rule, Member member, String zh, String en, Map<String, Object> evidence,
            String resolvedZh, String resolvedEn) {
        if (!holds) {
            discrepancies.resolve(findings.key(rule, member.division, "member", member.id.toString()),
                    Findings.text(resolvedZh, resolvedEn), Map.of());
            return;
        }
        discrepancies.open(findings.finding(rule, member.division, "member", member.id.toString(), member.name, zh,
                en, evidence));
    }
}
