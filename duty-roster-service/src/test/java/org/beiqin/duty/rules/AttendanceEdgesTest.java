package org.beiqin.duty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beiqin.commons.time.ClockProducer.CHINA;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.duty.DutyTestBase;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Attendance beyond the main paths of RosterTest: whom an unanswered check escalates to (and whom
 * not), what the sweep stops chasing once a shift is over, what check-out changes, a county's own
 * minutes and age limit, and weekly rotations.
 */
@QuarkusTest
class AttendanceEdgesTest extends DutyTestBase {

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(CHINA).toInstant();
    }

    private static List<Map<String, Object>> history(String division) {
        return as(Tokens.countyOffice(division.substring(0, 6))).queryParam("division", division)
                .get("/api/duty/spot-checks").then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void aLeadersUnansweredCheckGoesNoHigherAndAnEscalationLeftUnansweredIsUnreachableToo() {
        String town = newTownship();
        String team = team(town, "王村镇应急队", "township");
        String staff = member(town, team, "钱值班", "s-" + town, "13800000201", "M", "1985-01-01", List.of());
        String leader = member(town, team, "吴带班", "l-" + town, "13800000202", "M", "1972-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 7, 22, 20, 0));
        String period = period(town, "夜间值班", at(7, 22, 18, 0), at(7, 23, 18, 0));
        String staffShift = shift(town, period, staff, "STAFF", at(7, 22, 18, 0), at(7, 23, 6, 0));
        String leaderShift = shift(town, period, leader, "LEADER", at(7, 22, 18, 0), at(7, 23, 18, 0));
        List<Map<String, Object>> sent = county().body(Map.of("division", town)).post("/api/duty/spot-checks").then()
                .statusCode(201).extract().jsonPath().getList("$");
        String staffCheck = idOf(sent, staffShift);
        String leaderCheck = idOf(sent, leaderShift);

        // nobody answers: both are unreachable; only the staff officer's check goes up to the leader
        clock.advance(Duration.ofMinutes(10));
        sweep();
        awaitOpened("UNREACHABLE", staffCheck);
        awaitOpened("UNREACHABLE", leaderCheck);
        List<Map<String, Object>> escalations = history(town).stream().filter(c -> c.get("escalatedFrom") != null).toList();
        assertThat(escalations).singleElement().satisfies(c -> assertThat(c).containsEntry("escalatedFrom", staffCheck)
                .containsEntry("officer", "吴带班").containsEntry("state", "WAITING"));
        String escalation = escalations.get(0).get("id").toString();

        // the leader does not answer the escalation either: that is a finding of its own, and it goes no higher
        clock.advance(Duration.ofMinutes(10));
        sweep();
        Discrepancy unanswered = awaitOpened("UNREACHABLE", escalation);
        assertThat(unanswered.summary().zh()).contains("吴带班").contains("10 分钟未应答");
        assertThat(history(town).stream().filter(c -> c.get("escalatedFrom") != null)).hasSize(1);
        sweep();
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_OPENED, "UNREACHABLE", escalation)).isEqualTo(1);
    }

    @Test
    void anAbsenceIsNotChasedOnceTheShiftIsOverAndCheckOutClosesOnlyOnesOwnShift() {
        String town = newTownship();
        String team = team(town, "刘河镇应急队", "township");
        String absent = member(town, team, "郑缺岗", "a-" + town, "13800000211", "M", "1985-01-01", List.of());
        String present = member(town, team, "冯在岗", "p-" + town, "13800000212", "F", "1988-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 7, 24, 7, 0));
        String period = period(town, "白班", at(7, 24, 8, 0), at(7, 24, 20, 0));
        String missed = shift(town, period, absent, "STAFF", at(7, 24, 8, 0), at(7, 24, 10, 0));
        String kept = shift(town, period, present, "STAFF", at(7, 24, 8, 0), at(7, 24, 10, 0));

        clock.set(LocalDateTime.of(2026, 7, 24, 8, 5));
        officer("p-" + town, town).post("/api/duty/me/check-out").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:not-checked-in"));
        officer("p-" + town, town).post("/api/duty/me/check-in").then().statusCode(200);
        clock.set(LocalDateTime.of(2026, 7, 24, 8, 15));
        sweep();
        awaitOpened("NOT_CHECKED_IN", missed + ":" + absent);
        assertThat(openedKeys("NOT_CHECKED_IN", kept)).isEmpty();

        // check-out records the time on her shift only; a second tap is refused
        clock.set(LocalDateTime.of(2026, 7, 24, 9, 58));
        officer("p-" + town, town).post("/api/duty/me/check-out").then().statusCode(200).body("id", equalTo(kept))
                .body("checkedOutAt", notNullValue());
        officer("p-" + town, town).post("/api/duty/me/check-out").then().statusCode(409);

        // after the shift the absence stays a fact: not resolved, not opened again, and no late check-in
        clock.set(LocalDateTime.of(2026, 7, 24, 10, 30));
        sweep();
        officer("a-" + town, town).post("/api/duty/me/check-in").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:no-shift-now"));
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_OPENED, "NOT_CHECKED_IN", missed)).isEqualTo(1);
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_RESOLVED, "NOT_CHECKED_IN", missed)).isZero();
        List<Map<String, Object>> shifts = office(town).get("/api/duty/periods/" + period + "/shifts").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(shifts).filteredOn(s -> missed.equals(s.get("id"))).singleElement()
                .satisfies(s -> assertThat(s.get("checkedInAt")).isNull());
    }

    @Test
    void aCountysOwnMinutesAndAgeLimitHoldForItsTownshipsOnly() {
        String ours = newTownship();
        String theirs = "410183" + ours.substring(6); // %test: county 410183 gives 5 minutes' grace, 3 to answer, men to 55
        String oursTeam = team(ours, "本县应急队", "township");
        String theirsTeam = team(theirs, "邻县应急队", "township");
        clock.set(LocalDateTime.of(2026, 7, 25, 7, 0));
        String oursOfficer = member(ours, oursTeam, "本县值班", null, "13800000221", "M", "1969-03-01", List.of());
        String theirsOfficer = member(theirs, theirsTeam, "邻县值班", "t-" + theirs, "13800000222", "M", "1969-03-01",
                List.of());
        awaitOpened("MEMBER_OVER_AGE", theirsOfficer);
        assertThat(openedKeys("MEMBER_OVER_AGE", oursOfficer)).as("57 is within the default 60").isEmpty();

        String oursPeriod = period(ours, "白班", at(7, 25, 8, 0), at(7, 25, 20, 0));
        String theirsPeriod = period(theirs, "白班", at(7, 25, 8, 0), at(7, 25, 20, 0));
        String oursShift = shift(ours, oursPeriod, oursOfficer, "STAFF", at(7, 25, 8, 0), at(7, 25, 20, 0));
        String theirsShift = shift(theirs, theirsPeriod, theirsOfficer, "STAFF", at(7, 25, 8, 0), at(7, 25, 20, 0));
        clock.set(LocalDateTime.of(2026, 7, 25, 8, 5));
        sweep();
        awaitOpened("NOT_CHECKED_IN", theirsShift);
        assertThat(openedKeys("NOT_CHECKED_IN", oursShift)).as("15 minutes' grace here").isEmpty();

        officer("t-" + theirs, theirs).post("/api/duty/me/check-in").then().statusCode(200);
        Map<String, Object> check = as(Tokens.countyOffice("410183")).body(Map.of("division", theirs))
                .post("/api/duty/spot-checks").then().statusCode(201).extract().jsonPath()
                .<Map<String, Object>>getList("$").get(0);
        assertThat(Duration.between(Instant.parse(check.get("sentAt").toString()),
                Instant.parse(check.get("respondBy").toString()))).isEqualTo(Duration.ofMinutes(3));
        clock.advance(Duration.ofMinutes(3));
        sweep();
        assertThat(awaitOpened("UNREACHABLE", check.get("id").toString()).summary().zh()).contains("3 分钟未应答");
    }

    @Test
    void aWeeklyRotationLaysOneShiftAWeekInTurnAndABackwardsRangeLaysNothing() {
        String town = newTownship();
        String team = team(town, "广武镇应急队", "township");
        String l1 = member(town, team, "周一带班", null, "13800000231", "M", "1970-01-01", List.of());
        String l2 = member(town, team, "周二带班", null, "13800000232", "M", "1971-01-01", List.of());
        String s1 = member(town, team, "周值班甲", null, "13800000233", "M", "1980-01-01", List.of());
        String s2 = member(town, team, "周值班乙", null, "13800000234", "F", "1981-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 6, 1, 7, 0));
        String period = period(town, "周末值班", at(6, 6, 0, 0), at(6, 29, 0, 0));
        Map<String, Object> weekly = Map.of("pattern", "WEEKLY", "from", "2026-06-06", "to", "2026-06-27",
                "startTime", "08:00", "hours", 24, "leaders", List.of(l1, l2), "staff", List.of(List.of(s1), List.of(s2)));

        Map<String, Object> backwards = new HashMap<>(weekly);
        backwards.put("from", "2026-06-27");
        backwards.put("to", "2026-06-06");
        office(town).body(backwards).post("/api/duty/periods/" + period + "/rotations").then().statusCode(422)
                .body("errors.field", hasItem("to"));
        assertThat(office(town).get("/api/duty/periods/" + period + "/shifts").then().statusCode(200).extract()
                .jsonPath().getList("$")).isEmpty();

        List<Map<String, Object>> laid = office(town).body(weekly).post("/api/duty/periods/" + period + "/rotations")
                .then().statusCode(201).extract().jsonPath().getList("$");
        assertThat(laid).filteredOn(s -> "LEADER".equals(s.get("role")))
                .extracting(s -> Instant.parse(s.get("startsAt").toString()))
                .containsExactly(at(6, 6, 8, 0), at(6, 13, 8, 0), at(6, 20, 8, 0), at(6, 27, 8, 0));
        assertThat(laid).filteredOn(s -> "LEADER".equals(s.get("role"))).extracting(s -> s.get("memberName"))
                .containsExactly("周一带班", "周二带班", "周一带班", "周二带班");
        assertThat(laid).filteredOn(s -> "STAFF".equals(s.get("role"))).extracting(s -> s.get("memberName"))
                .containsExactly("周值班甲", "周值班乙", "周值班甲", "周值班乙");
        assertThat(laid).allSatisfy(s -> assertThat(s).containsEntry("source", "ROTATION"));
    }

    private static String idOf(List<Map<String, Object>> checks, String shift) {
        return checks.stream().filter(c -> shift.equals(c.get("shiftId"))).findFirst().orElseThrow().get("id").toString();
    }
}
