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
import io.restassured.path.json.JsonPath;

/** Shifts, check-ins, spot checks and coverage, on the real database and broker, in Beijing time. */
@QuarkusTest
class RosterTest extends DutyTestBase {


    private static Instant at(int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi).atZone(CHINA).toInstant();
    }

    @Test
    void aShiftNobodyChecksIntoIsFlaggedAfterFifteenMinutesAndALateCheckInResolvesIt() {
        String town = newTownship();
        String team = team(town, "沈洼村应急队", "village");
        String officer = member(town, team, "王值班", "officer-" + town, "13800000011", "M", "1980-01-01", List.of());
        String leader = member(town, team, "李带班", "leader-" + town, "13800000012", "M", "1975-01-01", List.of());
        String substitute = member(town, team, "赵替班", "sub-" + town, "13800000013", "M", "1985-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 7, 20, 7, 0));
        Instant start = at(2026, 7, 20, 8, 0);
        String period = period(town, "7·20 汛期值班", start, start.plus(Duration.ofHours(24)));
        String staffShift = shift(town, period, officer, "STAFF", start, start.plus(Duration.ofHours(12)));
        String leaderShift = shift(town, period, leader, "LEADER", start, start.plus(Duration.ofHours(24)));

        // my next shifts, and the calendar file
        officer("officer-" + town, town).get("/api/duty/me/shifts").then().statusCode(200)
                .body("[0].id", equalTo(staffShift)).body("[0].roleLabel", equalTo("值班人员"));
        String ics = officer("officer-" + town, town).accept("text/calendar").get("/api/duty/me/shifts.ics").then()
                .statusCode(200).extract().asString();
        assertThat(ics).contains("BEGIN:VEVENT").contains("UID:" + staffShift + "@beiqin")
                .contains("DTSTART;TZID=Asia/Shanghai:20260720T080000").contains("值班（值班人员）：王值班");

        clock.set(LocalDateTime.of(2026, 7, 20, 8, 14));
        sweep();
        assertThat(openedKeys("NOT_CHECKED_IN", staffShift)).isEmpty();
        clock.set(LocalDateTime.of(2026, 7, 20, 8, 15));
        sweep();
        Discrepancy absent = awaitOpened("NOT_CHECKED_IN", staffShift + ":" + officer);
        assertThat(absent.summary().zh()).contains("王值班").contains("2026-07-20 08:00").contains("15 分钟后仍未签到");
        Discrepancy leaderAbsent = awaitOpened("LEADER_ABSENT", leaderShift + ":" + leader);
        assertThat(leaderAbsent.severity()).isEqualTo("high");
        assertThat(absent.severity()).isEqualTo("medium");

        // who is on duty now, and who has not checked in
        JsonPath now = office(town).get("/api/duty/now").then().statusCode(200).extract().jsonPath();
        assertThat(now.getList("onDuty.memberName")).containsExactlyInAnyOrder("王值班", "李带班");
        assertThat(now.getList("notCheckedIn.memberName")).containsExactlyInAnyOrder("王值班", "李带班");

        clock.set(LocalDateTime.of(2026, 7, 20, 8, 40));
        officer("officer-" + town, town).body(Map.of("location", "沈洼村村委会")).post("/api/duty/me/check-in").then()
                .statusCode(200).body("late", equalTo(true)).body("location", equalTo("沈洼村村委会"));
        awaitResolved("NOT_CHECKED_IN", staffShift + ":" + officer);
        // a second tap says when he checked in, in Beijing time as people write it (not "no shift now")
        String refused = officer("officer-" + town, town).post("/api/duty/me/check-in").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:beiqin:problem:already-checked-in"))
                .extract().path("detail");
        assertThat(refused).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T").contains("7月20日 08:40");

        // the leader never comes: a substitute takes the shift, with grace of their own from now
        int version = office(town).get("/api/duty/periods/" + period + "/shifts").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("$").stream().filter(s -> leaderShift.equals(s.get("id")))
                .map(s -> (Integer) s.get("version")).findFirst().orElseThrow();
        office(town).body(Map.of("memberId", substitute, "reason", "李带班联系不上，由赵替班", "version", version))
                .post("/api/duty/periods/shifts/" + leaderShift + "/override").then().statusCode(200)
                .body("memberName", equalTo("赵替班")).body("replacedMemberId", equalTo(leader));
        clock.set(LocalDateTime.of(2026, 7, 20, 8, 54));
        sweep();
        assertThat(openedKeys("LEADER_ABSENT", leaderShift + ":" + substitute)).isEmpty();
        officer("sub-" + town, town).post("/api/duty/me/check-in").then().statusCode(200).body("late", equalTo(true));
        // the leader's absence is a fact: neither the edit nor the substitute's arrival resolves it
        officer("officer-" + town, town).post("/api/duty/me/check-out").then().statusCode(200);
        sweep();
        assertThat(discrepancies.openedKeys("LEADER_ABSENT", leaderShift + ":" + leader)).hasSize(1);
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_RESOLVED, "LEADER_ABSENT",
                leaderShift + ":" + leader)).isZero();
    }

    @Test
    void anUnansweredSpotCheckEscalatesToTheLeaderAndOpensUnreachable() {
        String town = newTownship();
        String team = team(town, "崔庙镇应急队", "village");
        String officer = member(town, team, "孙值班", "o-" + town, "13800000021", "M", "1980-01-01", List.of());
        String leader = member(town, team, "周带班", "l-" + town, "13800000022", "M", "1975-01-01", List.of());
        Instant start = clock.instant().minus(Duration.ofHours(1));
        String period = period(town, "夜间值班", start, start.plus(Duration.ofHours(24)));
        String officerShift = shift(town, period, officer, "STAFF", start, start.plus(Duration.ofHours(12)));
        shift(town, period, leader, "LEADER", start, start.plus(Duration.ofHours(24)));

        List<Map<String, Object>> sent = county().body(Map.of("division", town)).post("/api/duty/spot-checks").then()
                .statusCode(201).extract().jsonPath().getList("$");
        assertThat(sent).hasSize(2);
        String check = sent.stream().filter(c -> officerShift.equals(c.get("shiftId"))).findFirst().orElseThrow()
                .get("id").toString();
        String leaderCheck = sent.stream().filter(c -> !officerShift.equals(c.get("shiftId"))).findFirst()
                .orElseThrow().get("id").toString();
        officer("l-" + town, town).post("/api/duty/spot-checks/" + leaderCheck + "/acknowledgement").then()
                .statusCode(200).body("state", equalTo("ACKNOWLEDGED"));
        officer("o-" + town, town).get("/api/duty/me/spot-checks").then().statusCode(200)
                .body("[0].id", equalTo(check)).body("[0].state", equalTo("WAITING"));

        clock.advance(Duration.ofMinutes(9));
        sweep();
        assertThat(openedKeys("UNREACHABLE", check)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        sweep();
        Discrepancy unreachable = awaitOpened("UNREACHABLE", check);
        assertThat(unreachable.summary().zh()).contains("孙值班").contains("10 分钟未应答");
        List<Map<String, Object>> history = county().queryParam("division", town).get("/api/duty/spot-checks").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(history).anySatisfy(c -> assertThat(c).containsEntry("id", check).containsEntry("state", "UNANSWERED"));
        assertThat(history).anySatisfy(c -> assertThat(c).containsEntry("escalatedFrom", check)
                .containsEntry("officer", "周带班").containsEntry("state", "WAITING"));

        officer("l-" + town, town).post("/api/duty/spot-checks/" + check + "/acknowledgement").then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:not-your-spot-check"));
        officer("o-" + town, town).post("/api/duty/spot-checks/" + check + "/acknowledgement").then().statusCode(200);
        awaitResolved("UNREACHABLE", check);

        String empty = newTownship();
        county().body(Map.of("division", empty)).post("/api/duty/spot-checks").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:nobody-on-duty"));
    }

    @Test
    void aGapInAFloodSeasonRosterIsFoundToTheMinuteAcrossMidnightAndMonthEnd() {
        String town = newTownship();
        String team = team(town, "乔楼镇应急队", "township");
        String leader = member(town, team, "带班甲", null, "13800000031", "M", "1970-01-01", List.of());
        String a = member(town, team, "值班乙", null, "13800000032", "M", "1980-01-01", List.of());
        String b = member(town, team, "值班丙", null, "13800000033", "F", "1985-01-01", List.of());
        String c = member(town, team, "值班丁", null, "13800000034", "M", "1990-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 7, 30, 12, 0)); // the sweep judges periods not yet over
        Instant start = at(2026, 7, 31, 8, 0);
        Instant end = at(2026, 8, 1, 8, 0);
        String period = period(town, "汛期 24 小时值班", start, end);
        sweep();
        // an empty roster is one gap, the whole day, over midnight and the month end
        assertThat(awaitOpened("COVERAGE_GAP", period).summary().zh())
                .contains("2026-07-31 08:00—2026-08-01 08:00（带班 0，值班 0）");
        shift(town, period, leader, "LEADER", start, end);
        shift(town, period, a, "STAFF", start, at(2026, 7, 31, 20, 0));
        shift(town, period, b, "STAFF", start, end);
        shift(town, period, c, "STAFF", at(2026, 7, 31, 20, 30), end);

        JsonPath gaps = office(town).get("/api/duty/periods/" + period).then().statusCode(200).extract().jsonPath();
        assertThat(gaps.getList("gaps")).hasSize(1);
        assertThat(Instant.parse(gaps.getString("gaps[0].from"))).isEqualTo(at(2026, 7, 31, 20, 0));
        assertThat(Instant.parse(gaps.getString("gaps[0].to"))).isEqualTo(at(2026, 7, 31, 20, 30));
        assertThat(gaps.getInt("gaps[0].staff")).isEqualTo(1);
        // the open finding follows the roster as it is typed in: the county reads the gap that is left
        Discrepancy now = discrepancies.awaitUpdated("COVERAGE_GAP",
                "2026-07-31 20:00—2026-07-31 20:30（带班 1，值班 1）", period);
        assertThat(now.summary().zh()).startsWith("“汛期 24 小时值班”有 1 段时间").doesNotContain("08:00—");
        long updates = discrepancies.count(EventTypes.DISCREPANCY_UPDATED, "COVERAGE_GAP", period);
        sweep();
        assertThat(openedKeys("COVERAGE_GAP", period)).as("still the same episode: one opened event").hasSize(1);
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_UPDATED, "COVERAGE_GAP", period))
                .as("a sweep that finds the same gap says nothing").isEqualTo(updates);

        shift(town, period, a, "STAFF", at(2026, 7, 31, 20, 0), at(2026, 7, 31, 20, 30));
        awaitResolved("COVERAGE_GAP", period);
    }

    @Test
    void aDailyRotationLaysShiftsAcrossMonthEndsInBeijingTimeOnce() {
        String town = newTownship();
        String team = team(town, "汜水镇应急队", "township");
        String l1 = member(town, team, "带班一", null, "13800000041", "M", "1970-01-01", List.of());
        String l2 = member(town, team, "带班二", null, "13800000042", "M", "1971-01-01", List.of());
        String s1 = member(town, team, "值班一", null, "13800000043", "M", "1980-01-01", List.of());
        String s2 = member(town, team, "值班二", null, "13800000044", "F", "1981-01-01", List.of());
        String s3 = member(town, team, "值班三", null, "13800000045", "M", "1982-01-01", List.of());
        String s4 = member(town, team, "值班四", null, "13800000046", "F", "1983-01-01", List.of());
        String period = period(town, "春节值班", at(2026, 1, 30, 8, 0), at(2026, 2, 3, 8, 0));
        Map<String, Object> rotation = Map.of("pattern", "DAILY", "from", "2026-01-30", "to", "2026-02-02",
                "startTime", "08:00", "hours", 24, "leaders", List.of(l1, l2),
                "staff", List.of(List.of(s1, s2), List.of(s3, s4)));
        List<Map<String, Object>> laid = office(town).body(rotation).post("/api/duty/periods/" + period + "/rotations")
                .then().statusCode(201).extract().jsonPath().getList("$");
        assertThat(laid).hasSize(12);
        assertThat(laid).filteredOn(s -> "LEADER".equals(s.get("role"))).extracting(s -> s.get("memberName"))
                .containsExactly("带班一", "带班二", "带班一", "带班二");
        Map<String, Object> overMonthEnd = laid.stream().filter(s -> "LEADER".equals(s.get("role"))).skip(1)
                .findFirst().orElseThrow();
        assertThat(Instant.parse(overMonthEnd.get("startsAt").toString())).isEqualTo(at(2026, 1, 31, 8, 0));
        assertThat(Instant.parse(overMonthEnd.get("endsAt").toString())).isEqualTo(at(2026, 2, 1, 8, 0));
        clock.set(LocalDateTime.of(2026, 1, 29, 12, 0));
        sweep();
        assertThat(openedKeys("COVERAGE_GAP", period)).as("the rotation covers every minute").isEmpty();
        assertThat(office(town).get("/api/duty/periods/" + period).then().statusCode(200).extract().jsonPath()
                .getList("gaps")).isEmpty();

        assertThat(office(town).body(rotation).post("/api/duty/periods/" + period + "/rotations").then().statusCode(201)
                .extract().jsonPath().getList("$")).isEmpty();
        assertThat(office(town).get("/api/duty/periods/" + period + "/shifts").then().statusCode(200).extract()
                .jsonPath().getList("$")).hasSize(12);
        office(town).body(Map.of("division", town, "name", "倒排", "startsAt", at(2026, 2, 3, 8, 0).toString(),
                "endsAt", at(2026, 2, 2, 8, 0).toString(), "minLeaders", 1, "minStaff", 2))
                .post("/api/duty/periods").then().statusCode(422).body("errors.field", hasItem("endsAt"));
    }
}
