package org.beiqin.duty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.EventTypes;
import org.beiqin.duty.DutyTestBase;

import io.quarkus.test.junit.QuarkusTest;

/** The README's duty paths the rules' own tests do not walk: each ends or restates its finding. */
@QuarkusTest
class DutyPathsTest extends DutyTestBase {

    @Test
    void anAbsentLeaderWhoChecksInLateEndsTheFinding() {
        String town = newTownship();
        String team = team(town, "沈洼村应急队", "village");
        String leader = member(town, team, "李带班", "leader-" + town, "13800000112", "M", "1975-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 7, 20, 7, 0));
        Instant start = at(2026, 7, 20, 8, 0);
        String period = period(town, "7·20 汛期值班", start, start.plus(Duration.ofHours(24)));
        String shift = shift(town, period, leader, "LEADER", start, start.plus(Duration.ofHours(24)));
        clock.set(LocalDateTime.of(2026, 7, 20, 8, 15));
        sweep();
        awaitOpened("LEADER_ABSENT", shift + ":" + leader);
        clock.set(LocalDateTime.of(2026, 7, 20, 8, 50));
        officer("leader-" + town, town).post("/api/duty/me/check-in").then().statusCode(200);
        awaitResolved("LEADER_ABSENT", shift + ":" + leader);
    }

    @Test
    void aRotationLaidOverAnEmptyRosterEndsTheGap() {
        String town = newTownship();
        String team = team(town, "汜水镇应急队", "township");
        String l1 = member(town, team, "带班一", null, "13800000141", "M", "1970-01-01", List.of());
        String l2 = member(town, team, "带班二", null, "13800000142", "M", "1971-01-01", List.of());
        String s1 = member(town, team, "值班一", null, "13800000143", "M", "1980-01-01", List.of());
        String s2 = member(town, team, "值班二", null, "13800000144", "F", "1981-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 1, 29, 12, 0));
        String period = period(town, "春节值班", at(2026, 1, 30, 8, 0), at(2026, 2, 1, 8, 0));
        sweep();
        awaitOpened("COVERAGE_GAP", period);
        office(town).body(Map.of("pattern", "DAILY", "from", "2026-01-30", "to", "2026-01-31", "startTime", "08:00",
                "hours", 24, "leaders", List.of(l1, l2), "staff", List.of(List.of(s1, s2))))
                .post("/api/duty/periods/" + period + "/rotations").then().statusCode(201);
        awaitResolved("COVERAGE_GAP", period);
    }

    @Test
    void peopleFindingsEndByEveryChangeThatMakesThemUntrue() {
        String town = "410183" + newTownship().substring(6); // this county asks for 3 in a village team
        String team = team(town, "三官庙村应急队", "village");
        String a = member(town, team, "队员甲", null, "13800000161", "M", "1990-01-01", List.of());
        String b = member(town, team, "队员乙", null, "13800000162", "F", "1992-01-01", List.of());
        member(town, team, "队员丙", null, "13800000163", "M", "1993-01-01", List.of());
        String transferredElder = member(town, team, "老王", null, "13800000164", "M", "1950-01-01", List.of());
        String delistedElder = member(town, team, "老李", null, "13800000165", "M", "1951-01-01", List.of());
        String leaverNoPhone = member(town, team, "小周", null, null, "M", "1995-01-01", List.of());
        String delistedNoPhone = member(town, team, "小吴", null, null, "F", "1996-01-01", List.of());
        for (String elder : List.of(transferredElder, delistedElder)) {
            awaitOpened("MEMBER_OVER_AGE", elder);
        }
        for (String noPhone : List.of(leaverNoPhone, delistedNoPhone)) {
            awaitOpened("CONTACT_MISSING", noPhone);
        }
        // the over-age and the phoneless leave or are taken off the list: their findings end
        office(town).body(change("TRANSFERRED", "13800000164", true, 0))
                .put("/api/duty/teams/" + team + "/members/" + transferredElder).then().statusCode(200);
        awaitResolved("MEMBER_OVER_AGE", transferredElder);
        office(town).body(change("ACTIVE", "13800000165", false, 0))
                .put("/api/duty/teams/" + team + "/members/" + delistedElder).then().statusCode(200);
        awaitResolved("MEMBER_OVER_AGE", delistedElder);
        office(town).body(change("RESIGNED", null, false, 0))
                .put("/api/duty/teams/" + team + "/members/" + leaverNoPhone).then().statusCode(200);
        awaitResolved("CONTACT_MISSING", leaverNoPhone);
        office(town).body(change("ACTIVE", null, false, 0))
                .put("/api/duty/teams/" + team + "/members/" + delistedNoPhone).then().statusCode(200);
        awaitResolved("CONTACT_MISSING", delistedNoPhone);

        // two of the three left resign, but stay listed: the team is short, then shorter
        office(town).body(change("RESIGNED", "13800000161", true, 0))
                .put("/api/duty/teams/" + team + "/members/" + a).then().statusCode(200);
        awaitOpened("MEMBER_DEPARTED_LISTED", a);
        sweep();
        awaitOpened("TEAM_BELOW_MINIMUM", team);
        office(town).body(change("RESIGNED", "13800000162", true, 0))
                .put("/api/duty/teams/" + team + "/members/" + b).then().statusCode(200);
        sweep();
        assertThat(discrepancies.awaitUpdated("TEAM_BELOW_MINIMUM", "在岗队员 1 人", team).evidence())
                .containsEntry("active", 1);
        // they come back: listed and active again, the team is at strength
        office(town).body(change("ACTIVE", "13800000161", true, 1))
                .put("/api/duty/teams/" + team + "/members/" + a).then().statusCode(200);
        awaitResolved("MEMBER_DEPARTED_LISTED", a);
        office(town).body(change("ACTIVE", "13800000162", true, 1))
                .put("/api/duty/teams/" + team + "/members/" + b).then().statusCode(200);
        awaitResolved("TEAM_BELOW_MINIMUM", team);
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_OPENED, "TEAM_BELOW_MINIMUM", team)).isEqualTo(1);
    }

    private static Map<String, Object> change(String status, String phone, boolean listed, int version) {
        Map<String, Object> body = new HashMap<>(Map.of("status", status, "roles", List.of(), "listed", listed,
                "version", version));
        if (phone != null) {
            body.put("phone", phone);
        }
        return body;
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(CHINA).toInstant();
    }
}
