package org.beiqin.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Every rostering and every change of a shift is on the shift's record — who, when, before and
 * after — and the record, like a member's, is shown only to those who may see the shift.
 */
@QuarkusTest
class ShiftAuditTest extends DutyTestBase {

    @Test
    void aShiftsRecordShowsWhoRosteredItAndEveryReassignmentWithItsReason() {
        String town = newTownship();
        String team = team(town, "石桥镇应急队", "township");
        String wang = member(town, team, "王早班", null, "13800000071", "M", "1980-01-01", List.of());
        String li = member(town, team, "李晚班", null, "13800000072", "M", "1981-01-01", List.of());
        String zhao = member(town, team, "赵替班", null, "13800000073", "M", "1982-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 8, 3, 7, 0));
        Instant start = LocalDateTime.of(2026, 8, 4, 8, 0).atZone(CHINA).toInstant();
        String period = period(town, "8·4 值班", start, start.plus(Duration.ofHours(16)));
        String early = shift(town, period, wang, "STAFF", start, start.plus(Duration.ofHours(8)));
        String late = shift(town, period, li, "STAFF", start.plus(Duration.ofHours(8)), start.plus(Duration.ofHours(16)));

        office(town).body(Map.of("memberId", zhao, "reason", "王请假", "version", version(town, period, early)))
                .post("/api/duty/periods/shifts/" + early + "/override").then().statusCode(200);
        office(town).body(swap(late, "赵李对调", version(town, period, early), version(town, period, late)))
                .post("/api/duty/periods/shifts/" + early + "/swap").then().statusCode(200);

        List<Map<String, Object>> record = audit(office(town), early);
        assertThat(record).extracting(e -> e.get("action")).containsExactly("rostered", "reassigned", "reassigned");
        assertThat(record).allSatisfy(e -> assertThat(e).containsEntry("actorName", "镇应急办" + town));
        assertThat(after(record.get(0))).containsEntry("member", "王早班").containsEntry("source", "MANUAL");
        assertThat(before(record.get(1))).containsEntry("member", "王早班");
        assertThat(after(record.get(1))).containsEntry("member", "赵替班").containsEntry("reason", "王请假");
        assertThat(before(record.get(2))).containsEntry("member", "赵替班");
        assertThat(after(record.get(2))).containsEntry("member", "李晚班").containsEntry("reason", "赵李对调");
        assertThat(audit(office(town), late)).extracting(e -> e.get("action")).containsExactly("rostered", "reassigned");

        // the county office sees it too; a sibling township, a village below and another county do not
        assertThat(audit(county(), early)).hasSize(3);
        office(newTownship()).get("/api/duty/periods/shifts/" + early + "/audit").then().statusCode(404);
        office(town + "201").get("/api/duty/periods/shifts/" + early + "/audit").then().statusCode(404);
        as(Tokens.countyOffice("410183")).get("/api/duty/periods/shifts/" + early + "/audit").then().statusCode(404);
    }

    @Test
    void shiftsLaidByARotationAreOnRecordAsRostered() {
        String town = newTownship();
        String team = team(town, "柳林镇应急队", "township");
        String leader = member(town, team, "带班甲", null, "13800000074", "M", "1975-01-01", List.of());
        String staff = member(town, team, "值班乙", null, "13800000075", "F", "1985-01-01", List.of());
        clock.set(LocalDateTime.of(2026, 8, 3, 7, 0));
        Instant start = LocalDateTime.of(2026, 8, 4, 8, 0).atZone(CHINA).toInstant();
        String period = period(town, "8月轮班", start, start.plus(Duration.ofDays(2)));
        List<Map<String, Object>> laid = office(town).body(Map.of("pattern", "DAILY", "from", "2026-08-04",
                "to", "2026-08-05", "startTime", "08:00", "hours", 24, "leaders", List.of(leader),
                "staff", List.of(List.of(staff)))).post("/api/duty/periods/" + period + "/rotations").then()
                .statusCode(201).extract().jsonPath().getList("$");
        assertThat(laid).hasSize(4);
        List<Map<String, Object>> record = audit(office(town), (String) laid.get(0).get("id"));
        assertThat(record).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "rostered");
            assertThat(after(e)).containsEntry("source", "ROTATION").containsEntry("member", "带班甲");
        });
    }

    @Test
    void aMembersRecordIsReadOnlyThroughTheTeamTheMemberIsOn() {
        String town = newTownship();
        String sibling = newTownship();
        String team = team(town, "广武镇应急队", "township");
        String siblingTeam = team(sibling, "高村乡应急队", "township");
        String member = member(town, team, "孙队员", null, "13800000076", "M", "1990-01-01", List.of());
        office(town).get("/api/duty/teams/" + team + "/members/" + member + "/audit").then().statusCode(200);
        // the sibling township names its own team and someone else's member: nothing is shown
        office(sibling).get("/api/duty/teams/" + siblingTeam + "/members/" + member + "/audit").then().statusCode(404);
    }

    private static List<Map<String, Object>> audit(RequestSpecification as, String shift) {
        return as.get("/api/duty/periods/shifts/" + shift + "/audit").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> before(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("before");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> after(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("after");
    }
}
