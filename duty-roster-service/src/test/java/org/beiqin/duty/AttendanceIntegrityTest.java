package org.beiqin.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beiqin.commons.time.ClockProducer.CHINA;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Attendance that could be forged or erased (issue 15): a member's login is an announced duty
 * officer account of the team's area, never a typed name; the /me actions act only within the
 * caller's own area; an ended shift is history and nobody rearranges their own.
 */
@QuarkusTest
class AttendanceIntegrityTest extends DutyTestBase {

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
        assertThat(openedKeys("UNREACHABLE", check)).isEmpty();
    }

    @Test
    void aCheckInAndAnAnswerResentFromAPhoneAreAnsweredAsTheFirstTimeNotRefused() {
        String town = newTownship();
        String team = team(town, "乔楼镇应急队", "township");
        String me = member(town, team, "重发者", "resend-" + town, "13800000071", "M", "1980-01-01", List.of());
        Instant start = clock.instant().minus(Duration.ofMinutes(5));
        String period = period(town, "白班", start, start.plus(Duration.ofHours(24)));
        String shift = shift(town, period, me, "STAFF", start, start.plus(Duration.ofHours(12)));
        Map<String, Object> here = Map.of("location", "乔楼镇政府值班室");

        // the phone taps check-in, loses the answer and sends the same entry again
        String first = officer("resend-" + town, town).header("Idempotency-Key", "check-in-" + shift).body(here)
                .post("/api/duty/me/check-in").then().statusCode(200).body("location", equalTo("乔楼镇政府值班室"))
                .extract().path("checkedInAt");
        String again = officer("resend-" + town, town).header("Idempotency-Key", "check-in-" + shift).body(here)
                .post("/api/duty/me/check-in").then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(shift)).extract().path("checkedInAt");
        assertThat(again).isEqualTo(first);
        // a new tap (a new key) is refused as before: he is already checked in
        officer("resend-" + town, town).header("Idempotency-Key", "another-tap-" + shift).body(here)
                .post("/api/duty/me/check-in").then().statusCode(409);
        // the same key with another body is not the same entry
        officer("resend-" + town, town).header("Idempotency-Key", "check-in-" + shift)
                .body(Map.of("location", "别处")).post("/api/duty/me/check-in").then().statusCode(422)
                .body("type", equalTo("urn:beiqin:problem:idempotency-key-reused"));

        // the county's spot check, sent twice with one key, is one check; its answer resent is one answer
        List<Map<String, Object>> sent = county().header("Idempotency-Key", "spot-" + town).body(Map.of("division", town))
                .post("/api/duty/spot-checks").then().statusCode(201).extract().jsonPath().getList("$");
        List<Map<String, Object>> resent = county().header("Idempotency-Key", "spot-" + town).body(Map.of("division", town))
                .post("/api/duty/spot-checks").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().jsonPath().getList("$");
        assertThat(resent).isEqualTo(sent);
        String check = sent.stream().filter(c -> shift.equals(c.get("shiftId"))).findFirst().orElseThrow().get("id")
                .toString();
        assertThat(office(town).get("/api/duty/spot-checks").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(c -> shift.equals(c.get("shiftId")))).hasSize(1);
        String answered = officer("resend-" + town, town).header("Idempotency-Key", "answer-" + check)
                .post("/api/duty/spot-checks/" + check + "/acknowledgement").then().statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED")).extract().path("acknowledgedAt");
        officer("resend-" + town, town).header("Idempotency-Key", "answer-" + check)
                .post("/api/duty/spot-checks/" + check + "/acknowledgement").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("acknowledgedAt", equalTo(answered));
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
        officer("absent-" + town, town).body(swap(later, "换一下", version(town, period, missed), version(town, period, later)))
                .post("/api/duty/periods/shifts/" + missed + "/swap").then().statusCode(403);

        // once it has ended, nobody rewrites it
        clock.set(LocalDateTime.of(2026, 7, 20, 16, 30));
        office(town).body(Map.of("memberId", friend, "reason", "补登替班", "version", version(town, period, missed)))
                .post("/api/duty/periods/shifts/" + missed + "/override").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:shift-ended"));
        office(town).body(swap(later, "补登换班", version(town, period, missed), version(town, period, later)))
                .post("/api/duty/periods/shifts/" + missed + "/swap").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:shift-ended"));
        sweep();
        assertThat(office(town).get("/api/duty/periods/" + period + "/shifts").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("$").stream().filter(s -> missed.equals(s.get("id")))
                .findFirst().orElseThrow()).containsEntry("memberId", absent);
        assertThat(discrepancies.openedKeys("NOT_CHECKED_IN", missed + ":" + absent)).contains(absence.key());
        assertThat(countResolved("NOT_CHECKED_IN", missed + ":" + absent)).isZero();
    }

    private long countResolved(String rule, String fragment) {
        return discrepancies.count(EventTypes.DISCREPANCY_RESOLVED, rule, fragment);
    }

    @Test
    void aSwapIsMadeOnTheShiftsAsTheOfficeSawThemAndNeverRostersSomeoneWhoHasLeft() {
        String town = newTownship();
        String team = team(town, "高山镇应急队", "township");
        String wang = member(town, team, "王早班", null, "13800000061", "M", "1980-01-01", List.of());
        String li = member(town, team, "李晚班", null, "13800000062", "M", "1981-01-01", List.of());
        String zhao = member(town, team, "赵夜班", null, "13800000063", "M", "1982-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 8, 3, 7, 0));
        Instant start = LocalDateTime.of(2026, 8, 4, 8, 0).atZone(CHINA).toInstant();
        String period = period(town, "8·4 值班", start, start.plus(Duration.ofHours(24)));
        String early = shift(town, period, wang, "STAFF", start, start.plus(Duration.ofHours(8)));
        String late = shift(town, period, li, "STAFF", start.plus(Duration.ofHours(8)), start.plus(Duration.ofHours(16)));
        String night = shift(town, period, zhao, "STAFF", start.plus(Duration.ofHours(16)), start.plus(Duration.ofHours(24)));

        // a shift is not swapped with itself
        office(town).body(swap(early, "自己换自己", 0, 0)).post("/api/duty/periods/shifts/" + early + "/swap").then()
                .statusCode(422).body("errors.field", hasItem("otherShiftId"));

        // the office saw the late shift before someone else gave it to 赵: its swap is refused, nothing moves
        int lateSeen = version(town, period, late);
        office(town).body(Map.of("memberId", zhao, "reason", "李请假", "version", lateSeen))
                .post("/api/duty/periods/shifts/" + late + "/override").then().statusCode(200);
        office(town).body(swap(late, "王李对调", version(town, period, early), lateSeen))
                .post("/api/duty/periods/shifts/" + early + "/swap").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:stale-version"));
        assertThat(memberOf(town, period, early)).isEqualTo(wang);
        assertThat(memberOf(town, period, late)).isEqualTo(zhao);

        // 王 has been transferred since the roster was laid: nobody swaps him onto the night shift
        office(town).body(Map.of("status", "TRANSFERRED", "phone", "13800000061", "roles", List.of(), "listed", true,
                "version", 0)).put("/api/duty/teams/" + team + "/members/" + wang).then().statusCode(200);
        office(town).body(swap(night, "王赵对调", version(town, period, early), version(town, period, night)))
                .post("/api/duty/periods/shifts/" + early + "/swap").then().statusCode(422)
                .body("errors.field", hasItem("otherShiftId")).body("errors.message", hasItem("该队员已离开队伍，不能排班"));
        assertThat(memberOf(town, period, night)).isEqualTo(zhao);

        // 李 is back on the late shift; with both versions as they are now, 李 and 赵 swap the late and the night shift
        office(town).body(Map.of("memberId", li, "reason", "李回来了", "version", version(town, period, late)))
                .post("/api/duty/periods/shifts/" + late + "/override").then().statusCode(200);
        office(town).body(swap(night, "李赵对调", version(town, period, late), version(town, period, night)))
                .post("/api/duty/periods/shifts/" + late + "/swap").then().statusCode(200)
                .body("find { it.id == '" + late + "' }.memberName", equalTo("赵夜班"))
                .body("find { it.id == '" + night + "' }.memberName", equalTo("李晚班"))
                .body("find { it.id == '" + night + "' }.changeReason", equalTo("李赵对调"));
        assertThat(memberOf(town, period, late)).isEqualTo(zhao);
        assertThat(memberOf(town, period, night)).isEqualTo(li);
    }
}
