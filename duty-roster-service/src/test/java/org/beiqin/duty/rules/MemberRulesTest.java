package org.beiqin.duty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.TeamChanged;
import org.beiqin.duty.DutyTestBase;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The findings about people and teams, each opening and resolving, and every change audited. */
@QuarkusTest
class MemberRulesTest extends DutyTestBase {

    private static Map<String, Object> change(String status, String phone, List<String> roles, boolean listed,
            int version) {
        Map<String, Object> body = new HashMap<>(Map.of("status", status, "roles", roles, "listed", listed,
                "version", version));
        if (phone != null) {
            body.put("phone", phone);
        }
        return body;
    }

    @Test
    void aTransferredCommanderIsStaleUntilTheRoleIsReassignedAndDepartedUntilDelisted() {
        String town = newTownship();
        String team = team(town, "乔楼镇应急救援队", "township");
        String commander = member(town, team, "高指挥", "cmd-" + town, "13800000051", "M", "1972-03-01",
                List.of("COMMANDER"));
        String deputy = member(town, team, "林副", null, "13800000052", "M", "1978-03-01", List.of("DEPUTY"));
        String period = period(town, "汛期值班", clock.instant().plus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(2)));
        shift(town, period, commander, "LEADER", clock.instant().plus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(2)));

        office(town).body(change("TRANSFERRED", "13800000051", List.of("COMMANDER"), true, 0))
                .put("/api/duty/teams/" + team + "/members/" + commander).then().statusCode(200)
                .body("statusLabel", equalTo("已调离"));
        Discrepancy stale = awaitOpened("STALE_ASSIGNMENT", commander);
        assertThat(stale.summary().zh()).contains("高指挥已调离").contains("指挥长").contains("1 个未到期的班次");
        awaitOpened("MEMBER_DEPARTED_LISTED", commander);

        // the role goes to the deputy and the shift to someone else: still stale while listed? no — stale is
        // about roles and shifts; the list is its own finding
        office(town).body(change("ACTIVE", "13800000052", List.of("COMMANDER"), true, 0))
                .put("/api/duty/teams/" + team + "/members/" + deputy).then().statusCode(200);
        office(town).body(change("TRANSFERRED", "13800000051", List.of(), true, 1))
                .put("/api/duty/teams/" + team + "/members/" + commander).then().statusCode(200);
        assertThat(openedKeys("STALE_ASSIGNMENT", commander)).as("still holds the future shift").hasSize(1);
        // the open finding now names only what he still holds
        assertThat(discrepancies.awaitUpdated("STALE_ASSIGNMENT", "仍担任：1 个未到期的班次", commander).summary().zh())
                .doesNotContain("指挥长");
        String shiftId = office(town).get("/api/duty/periods/" + period + "/shifts").then().statusCode(200).extract()
                .path("[0].id");
        office(town).body(Map.of("memberId", deputy, "reason", "高指挥调离", "version", 0))
                .post("/api/duty/periods/shifts/" + shiftId + "/override").then().statusCode(200);
        awaitResolved("STALE_ASSIGNMENT", commander);
        office(town).body(change("TRANSFERRED", "13800000051", List.of(), false, 2))
                .put("/api/duty/teams/" + team + "/members/" + commander).then().statusCode(200);
        awaitResolved("MEMBER_DEPARTED_LISTED", commander);

        // every change, with who made it and what it was before
        List<Map<String, Object>> audit = office(town).get("/api/duty/teams/" + team + "/members/" + commander + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).extracting(a -> a.get("action")).containsExactly("added", "changed", "changed", "changed");
        assertThat(audit.get(1)).containsEntry("actorName", "镇应急办" + town);
        assertThat(audit.get(1).get("before")).asString().contains("status=ACTIVE");
        assertThat(audit.get(1).get("after")).asString().contains("status=TRANSFERRED");
        // a stale version is refused, the last change stands
        office(town).body(change("ACTIVE", "13800000051", List.of("COMMANDER"), true, 0))
                .put("/api/duty/teams/" + team + "/members/" + commander).then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:stale-version"));
        // nor can a departed member be rostered
        office(town).body(Map.of("memberId", commander, "role", "STAFF", "startsAt", clock.instant().toString(),
                "endsAt", clock.instant().plus(Duration.ofHours(1)).toString()))
                .post("/api/duty/periods/" + period + "/shifts").then().statusCode(422)
                .body("errors.field", hasItem("memberId")).body("errors.message", hasItem("该队员已离开队伍，不能排班"));
    }

    @Test
    void aVillageTeamBelowItsMinimumIsFlaggedAndItsStrengthPublished() {
        String town = "410183" + newTownship().substring(6); // this county asks for 3 in a village team
        String team = team(town, "三官庙村应急队", "village");
        member(town, team, "队员一", null, "13800000061", "M", "1990-01-01", List.of());
        member(town, team, "队员二", null, "13800000062", "F", "1992-01-01", List.of());
        assertThat(openedKeys("TEAM_BELOW_MINIMUM", team)).as("judged by the sweep, not while being entered").isEmpty();
        sweep();
        Discrepancy below = awaitOpened("TEAM_BELOW_MINIMUM", team);
        assertThat(below.evidence()).containsEntry("active", 2).containsEntry("minimum", 3);
        member(town, team, "队员三", null, "13800000063", "M", "1993-01-01", List.of());
        awaitResolved("TEAM_BELOW_MINIMUM", team);
        TeamChanged latest = teams.await(r -> r.key().equals(team)
                && r.data(TeamChanged.class).activeMembers() == 3, EVENT_TIMEOUT).data(TeamChanged.class);
        assertThat(latest.division()).isEqualTo(town);
        assertThat(latest.level()).isEqualTo("village");
    }

    @Test
    void anEightyFiveYearOldVolunteerIsOverAgeUntilRetiredAndAMissingPhoneUntilAdded() {
        String town = newTownship();
        String team = team(town, "贾峪镇应急队", "township");
        clock.set(LocalDateTime.of(2026, 7, 1, 9, 0));
        String elder = member(town, team, "老张", null, "13800000071", "M", "1941-05-02", List.of());
        assertThat(awaitOpened("MEMBER_OVER_AGE", elder).summary().zh()).contains("老张 1941年5月出生，已超过男队员 60 岁的上限");
        // 不超过 50 岁: fifty is allowed, the day she turns 51 is not
        String woman = member(town, team, "刘大姐", null, "13800000072", "F", "1975-07-02", List.of());
        clock.set(LocalDateTime.of(2026, 7, 1, 23, 0));
        sweep();
        assertThat(openedKeys("MEMBER_OVER_AGE", woman)).as("50 until tomorrow").isEmpty();
        clock.set(LocalDateTime.of(2026, 7, 2, 0, 30));
        sweep();
        awaitOpened("MEMBER_OVER_AGE", woman);

        office(town).body(change("RESIGNED", "13800000071", List.of(), false, 0))
                .put("/api/duty/teams/" + team + "/members/" + elder).then().statusCode(200);
        awaitResolved("MEMBER_OVER_AGE", elder);

        String noPhone = member(town, team, "小周", null, null, "M", "1995-01-01", List.of("DISASTER_INFORMANT"));
        assertThat(awaitOpened("CONTACT_MISSING", noPhone).summary().zh()).contains("小周").contains("未登记联系电话");
        office(town).body(change("ACTIVE", "13912345678", List.of("DISASTER_INFORMANT"), true, 0))
                .put("/api/duty/teams/" + team + "/members/" + noPhone).then().statusCode(200);
        awaitResolved("CONTACT_MISSING", noPhone);
    }

    @Test
    void teamsAndMembersAreOnlyReachedInTheirDivision() {
        String town = newTownship();
        String team = team(town, "索河街道应急队", "township");
        String other = newTownship();
        office(other).get("/api/duty/teams/" + team).then().statusCode(404).contentType("application/problem+json");
        office(other).body(Map.of("division", town, "name", "越权", "level", "village")).post("/api/duty/teams").then()
                .statusCode(403);
        office(town).body(Map.of("name", "缺性别", "birthDate", "1990-01-01")).post("/api/duty/teams/" + team + "/members")
                .then().statusCode(422).body("errors.field", hasItem("gender"));
        as(Tokens.expired(town)).get("/api/duty/teams").then().statusCode(401);
        JsonPath listed = county().queryParam("division", town).get("/api/duty/teams").then().statusCode(200).extract()
                .jsonPath();
        assertThat(listed.getList("name")).containsExactly("索河街道应急队");
    }
}
