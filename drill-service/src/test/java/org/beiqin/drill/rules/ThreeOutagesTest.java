package org.beiqin.drill.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.drill.DrillTestBase;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * THREE_OUTAGES_NOT_DRILLED beyond its main path (DrillRulesTest): a township the county configured
 * but that never planned a drill, a county's own lead days, a village's drill standing for its
 * township, and a sweep run again finding nothing new. Each test has a flood season of its own
 * (2031–2033): a sweep opens the season for every township it knows, so two tests sharing one
 * would see each other's findings already open.
 */
@QuarkusTest
class ThreeOutagesTest extends DrillTestBase {

    /** In {@code %test.beiqin.drill.townships}; no test ever plans a drill there. */
    private static final String CONFIGURED = "410182199";
    private static final String RULE = "THREE_OUTAGES_NOT_DRILLED";

    @Test
    void aConfiguredTownshipThatNeverPlannedADrillIsFlaggedOnceHoweverOftenTheSweepRuns() {
        clock.set(LocalDateTime.of(2032, 5, 1, 23, 59));
        sweep();
        assertThat(openedKeys(RULE, CONFIGURED + ":2032")).isEmpty();

        clock.set(LocalDateTime.of(2032, 5, 2, 0, 0));
        sweep();
        Discrepancy opened = awaitOpened(RULE, CONFIGURED + ":2032");
        assertThat(opened.evidence()).containsEntry("since", "2031-06-01").containsEntry("seasonStart", "2032-06-01");
        sweep();
        clock.set(LocalDateTime.of(2032, 5, 20, 9, 0));
        sweep();
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_OPENED, RULE, CONFIGURED + ":2032")).isEqualTo(1);
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_UPDATED, RULE, CONFIGURED + ":2032")).isZero();
        assertThat(county().queryParam("season", 2032).get("/api/drills/three-outages").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(s -> CONFIGURED.equals(s.get("township"))).findFirst().orElseThrow())
                .containsEntry("drilled", false).containsEntry("checkedNow", true);
    }

    @Test
    void aCountyWithFewerLeadDaysIsWarnedLaterThanTheDefault() {
        String ours = newTownship();
        String theirs = "410183" + ours.substring(6); // %test: county 410183 is warned 10 days before, not 30
        clock.set(LocalDateTime.of(2031, 1, 10, 9, 0));
        heldDrill(ours, season(2031, plan(ours, "普通防汛演练", false, List.of())));
        heldDrill(theirs, season(2031, plan(theirs, "普通防汛演练", false, List.of())));

        clock.set(LocalDateTime.of(2031, 5, 21, 9, 0));
        sweep();
        awaitOpened(RULE, ours + ":2031");
        assertThat(openedKeys(RULE, theirs + ":2031")).isEmpty();
        clock.set(LocalDateTime.of(2031, 5, 22, 9, 0));
        sweep();
        awaitOpened(RULE, theirs + ":2031");
        // the other county's keeper reads its own standing; ours is not shown to it
        assertThat(as(Tokens.keeper(theirs)).queryParam("season", 2031).get("/api/drills/three-outages").then()
                .statusCode(200).extract().jsonPath().getList("township")).containsExactly(theirs);
    }

    @Test
    void aVillagesThreeOutageDrillStandsForItsTownship() {
        String town = newTownship();
        String village = town + "201";
        clock.set(LocalDateTime.of(2033, 5, 3, 9, 0));
        heldDrill(town, season(2033, plan(town, "普通防汛演练", false, List.of())));
        sweep();
        awaitOpened(RULE, town + ":2033");

        heldDrill(village, season(2033, plan(village, "沈洼村断网断电断路演练", true, List.of())));
        Discrepancy resolved = awaitResolved(RULE, town + ":2033");
        assertThat(resolved.resolution().evidence()).containsEntry("drillDay", "2033-05-03");
        assertThat(county().queryParam("season", 2033).get("/api/drills/three-outages").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(s -> town.equals(s.get("township"))).findFirst().orElseThrow())
                .containsEntry("drilled", true).containsEntry("lastDrilled", "2033-05-03");
        sweep();
        assertThat(discrepancies.count(EventTypes.DISCREPANCY_OPENED, RULE, town + ":2033")).isEqualTo(1);
    }

    private static Map<String, Object> season(int year, Map<String, Object> plan) {
        Map<String, Object> dated = new HashMap<>(plan);
        dated.put("scheduledOn", year + "-05-03");
        return dated;
    }
}
