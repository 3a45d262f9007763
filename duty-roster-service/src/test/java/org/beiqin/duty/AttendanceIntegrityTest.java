package org.beiqin.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Attendance that could be forged or erased (issue 15): a member's login is an announced duty
 * officer account of the team's area, never a typed name; the /me actions act only within the
 * caller's own area; an ended shift is history and nobody rearranges their own.
 */
@QuarkusTest
class AttendanceIntegrityTest extends DutyTestBase {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static Map<String, Object> newMember(String name, String account) {
        return Map.of("name", name, "gender", "M", "birthDate", "1980-01-01", "account", account,
                "phone", "13800000099", "roles", List.of());
    }

    @Test
    void aMemberIsBoundOnlyToAnAnnouncedDutyOfficerOfTheTeamsArea() {
        String town = newTownship();
        String sibling = newTownship();
        String village = town + "201";
        String team = team(town, "乔楼镇应急救援队", "township");
        account("keeper-" + town, town, "keeper");
        account("officer-" + sibling, sibling);
        account("officer-" + village, village);

        for (String account : List.of("nobody-" + town, "keeper-" + town, "officer-" + sibling)) {
            office(town).body(newMember("冒名", account)).post("/api/duty/teams/" + team + "/members").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("account"));
        }
        assertThat(office(town).get("/api/duty/teams/" + team).then().statusCode(200).extract().jsonPath()
                .getList("members")).isEmpty();

        // the picker lists the township's and its villages' officers, not the sibling's
        List<String> pickable = office(town).queryParam("division", town).get("/api/duty/accounts").then()
                .statusCode(200).extract().jsonPath().getList("username");
        assertThat(pickable).contains("officer-" + village).doesNotContain("officer-" + sibling, "keeper-" + town);
        office(town).queryParam("division", sibling).get("/api/duty/accounts").then().statusCode(403);

        office(town).body(newMember("沈洼村值班员", "officer-" + village)).post("/api/duty/teams/" + team + "/members")
                .then().statusCode(201).body("account", equalTo("officer-" + village));
        // one account answers for one member: a second member of the team cannot be bound to it
        office(town).body(newMember("替身", "officer-" + village)).post("/api/duty/teams/" + team + "/members")
                .then().statusCode(422).body("errors.field", hasItem("account"));

        // an account that moves to another township no longer acts for the old team
        officer("officer-" + village, village).get("/api/duty/me/shifts").then().statusCode(200);
        officer("officer-" + village, sibling).get("/api/duty/me/shifts").then().statusCode(404)
                .body("type", equalTo("urn:beiqin:problem:not-a-member"));
        officer("officer-" + village, sibling).post("/api/duty/me/check-in").then().statusCode(404);
    }

    @Test
    void aVillageOfficerAnswersHisTownshipsSpotCheck() {
        String town = newTownship();
        String village = town + "201";
        String team = team(town, "乔楼镇应急救援队", "township");
        String officer = member(town, team, "占位", null, "13800000081", "M", "1980-01-01", List.of());
        account("vo-" + village, village);
        String villager = office(town).body(newMember("沈洼村王永强", "vo-" + village))
                .post("/api/duty/teams/" + team + "/members").then().statusCode(201).extract().path("id");
        Instant start = clock.instant().minus(Duration.ofHours(1));
        String period = period(town, "夜间值班", start, start.plus(Duration.ofHours(24)));
        String shift = shift(town, period, villager, "STAFF", start, start.plus(Duration.ofHours(12)));
        shift(town, period, officer, "LEADER", start, start.plus(Duration.ofHours(12)));
        String check = county().body(Map.of("division", town)).post("/api/duty/spot-checks").then().statusCode(201)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(c -> shift.equals(c.get("shiftId"))).findFirst().orElseThrow().get("id").toString();

        officer("vo-" + village, village).post("/api/duty/spot-checks/" + check + "/acknowledgement").then()
                .statusCode(200).body("state", equalTo("ACKNOWLEDGED"));
        clock.advance(Duration.ofMinutes(11));
        sweep();
        assertThat(opened("UNREACHABLE", check)).isEmpty();
    }

    @Test
    void anAbsentOfficerCannotEraseHisAbsence() {
        String town = newTownship();
        String team = team(town, "崔庙镇应急队", "village");
        String absent = member(town, team, "缺岗者", "absent-" + town, "13800000091", "M", "1980-01-01", List.of());
        String friend = member(town, team, "好友", "friend-" + town, "13800000092", "M", "1981-01-01", List.of());
        String other = member(town, team, "别人", "other-" + town, "13800000093", "M", "1982-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 7, 20, 7, 0));
        Instant start = LocalDateTime.of(2026, 7, 20, 8, 0).atZone(CHINA).toInstant();
        String period = period(town, "汛期值班", start, start.plus(Duration.ofHours(24)));
        String missed = shift(town, period, absent, "STAFF", start, start.plus(Duration.ofHours(8)));
        String later = shift(town, period, other, "STAFF", start.plus(Duration.ofHours(8)),
                start.plus(Duration.ofHours(16)));
        clock.set(LocalDateTime.of(2026, 7, 20, 8, 20));
        sweep();
        Discrepancy absence = awaitOpened("NOT_CHECKED_IN", missed + ":" + absent);

        // while the shift runs, he cannot hand it to a friend himself
        officer("absent-" + town, town).body(Map.of("memberId", friend, "reason", "我有事", "version", version(town, period, missed)))
                .post("/api/duty/periods/shifts/" + missed + "/override").then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:own-shift-change"));
        officer("absent-" + town, town).body(Map.of("otherShiftId", later, "reason", "换一下"))
                .post("/api/duty/periods/shifts/" + missed + "/swap").then().statusCode(403);

        // once it has ended, nobody rewrites it
        clock.set(LocalDateTime.of(2026, 7, 20, 16, 30));
        office(town).body(Map.of("memberId", friend, "reason", "补登替班", "version", version(town, period, missed)))
                .post("/api/duty/periods/shifts/" + missed + "/override").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:shift-ended"));
        office(town).body(Map.of("otherShiftId", later, "reason", "补登换班"))
                .post("/api/duty/periods/shifts/" + missed + "/swap").then().statusCode(409);
        sweep();
        assertThat(office(town).get("/api/duty/periods/" + period + "/shifts").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("$").stream().filter(s -> missed.equals(s.get("id")))
                .findFirst().orElseThrow()).containsEntry("memberId", absent);
        assertThat(discrepancies.openedKeys("NOT_CHECKED_IN", missed + ":" + absent)).contains(absence.key());
        assertThat(countResolved("NOT_CHECKED_IN", missed + ":" + absent)).isZero();
    }

    private long countResolved(String rule, String fragment) {
        return discrepancies.count(org.beiqin.contract.EventTypes.DISCREPANCY_RESOLVED, rule, fragment);
    }

    private static int version(String town, String period, String shift) {
        return office(town).get("/api/duty/periods/" + period + "/shifts").then().extract()
                .jsonPath().<Map<String, Object>>getList("$").stream().filter(s -> shift.equals(s.get("id")))
                .map(s -> (Integer) s.get("version")).findFirst().orElseThrow();
    }
}
