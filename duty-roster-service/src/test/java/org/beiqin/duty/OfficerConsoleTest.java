package org.beiqin.duty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What the duty officer's phone page relies on (issue 14): his next 14 days, a second check-in
 * told in Beijing time, spot checks pushed as they are sent, the township's duty officer checking
 * his villages, and a calendar address that works without signing in until it is revoked.
 */
@QuarkusTest
class OfficerConsoleTest extends DutyTestBase {

    /** A township with one team, the officer bound to {@code account}, and a period around now. */
    private record Roster(String town, String team, String member, String period) {
    }

    private Roster roster(String account) {
        String town = newTownship();
        String team = team(town, "应急救援队", "township");
        String member = member(town, team, "王永强", account, "13800000071", "M", "1979-08-08", List.of());
        Instant start = clock.instant().minus(Duration.ofHours(1));
        String period = period(town, "汛期值班", start, start.plus(Duration.ofDays(30)));
        return new Roster(town, team, member, period);
    }

    @Test
    void myShiftsAreTheNextDaysAskedFor() {
        clock.set(LocalDateTime.of(2026, 7, 1, 7, 0));
        Roster r = roster("o14-" + System.nanoTime());
        String account = accountOf(r);
        Instant now = clock.instant();
        String soon = shift(r.town(), r.period(), r.member(), "STAFF", now.plus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(10)).plus(Duration.ofHours(8)));
        shift(r.town(), r.period(), r.member(), "STAFF", now.plus(Duration.ofDays(20)),
                now.plus(Duration.ofDays(20)).plus(Duration.ofHours(8)));

        assertThat(officer(account, r.town()).queryParam("days", 14).get("/api/duty/me/shifts").then().statusCode(200)
                .extract().jsonPath().<String>getList("id")).containsExactly(soon);
        assertThat(officer(account, r.town()).get("/api/duty/me/shifts").then().statusCode(200)
                .extract().jsonPath().<String>getList("id")).hasSize(2);
        officer(account, r.town()).queryParam("days", 0).get("/api/duty/me/shifts").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("days"));
    }

    @Test
    void aSecondCheckInSaysWhenInBeijingTime() {
        clock.set(LocalDateTime.of(2026, 7, 21, 8, 5));
        Roster r = roster("o2-" + System.nanoTime());
        String account = accountOf(r);
        Instant now = clock.instant();
        shift(r.town(), r.period(), r.member(), "STAFF", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(8)));

        officer(account, r.town()).body(Map.of()).post("/api/duty/me/check-in").then().statusCode(200);
        officer(account, r.town()).body(Map.of()).post("/api/duty/me/check-in").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:beiqin:problem:already-checked-in"))
                .body("detail", equalTo("本班次已于 7月21日 08:05 签到，无需再次签到；下班时请点“签退”。"));
        officer(account, r.town()).header("Accept-Language", "en").body(Map.of()).post("/api/duty/me/check-in").then()
                .statusCode(409).body("detail", containsString("at 21 Jul 08:05"));
    }

    @Test
    void theTownshipsDutyOfficerChecksHisVillagesButNotHimself() {
        Roster r = roster("o3-" + System.nanoTime());
        String village = r.town() + "201";
        String villageTeam = team(village, "沈洼村应急分队", "village");
        String villager = member(village, villageTeam, "沈志刚", null, "13800000072", "M", "1970-01-20", List.of());
        String villagePeriod = period(village, "村值班", clock.instant().minus(Duration.ofHours(1)),
                clock.instant().plus(Duration.ofHours(12)));
        String villageShift = shift(village, villagePeriod, villager, "STAFF", clock.instant().minus(Duration.ofMinutes(30)),
                clock.instant().plus(Duration.ofHours(6)));
        String own = shift(r.town(), r.period(), r.member(), "STAFF", clock.instant().minus(Duration.ofMinutes(30)),
                clock.instant().plus(Duration.ofHours(6)));
        String account = accountOf(r);

        List<String> checked = officer(account, r.town()).body(Map.of("division", r.town())).post("/api/duty/spot-checks")
                .then().statusCode(201).extract().jsonPath().getList("shiftId");
        assertThat(checked).contains(villageShift).doesNotContain(own);
        // a village's officer does not check the township, nor a sibling village; a sibling township's
        // or another county's officer does not check this one; a refused check sends nothing
        int sent = county().queryParam("division", r.town()).get("/api/duty/spot-checks").then().statusCode(200)
                .extract().jsonPath().getList("id").size();
        officer("vo-" + System.nanoTime(), village).body(Map.of("division", r.town())).post("/api/duty/spot-checks")
                .then().statusCode(403).contentType("application/problem+json");
        officer("vo-" + System.nanoTime(), village).body(Map.of("division", r.town() + "202")).post("/api/duty/spot-checks")
                .then().statusCode(403);
        officer("so-" + System.nanoTime(), newTownship()).body(Map.of("division", village)).post("/api/duty/spot-checks")
                .then().statusCode(403);
        officer("fo-" + System.nanoTime(), "410183101").body(Map.of("division", r.town())).post("/api/duty/spot-checks")
                .then().statusCode(403);
        officer(account, r.town()).body(Map.of("division", "41018")).post("/api/duty/spot-checks").then().statusCode(422)
                .contentType("application/problem+json");
        assertThat(county().queryParam("division", r.town()).get("/api/duty/spot-checks").then().statusCode(200)
                .extract().jsonPath().getList("id")).hasSize(sent);
    }

    @Test
    void aSpotCheckIsPushedToTheOfficersOpenPage() throws Exception {
        Roster r = roster("o4-" + System.nanoTime());
        String account = accountOf(r);
        shift(r.town(), r.period(), r.member(), "STAFF", clock.instant().minus(Duration.ofMinutes(30)),
                clock.instant().plus(Duration.ofHours(6)));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/duty/me/spot-checks/stream")).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Tokens.token(account, account, r.town(), Set.of("duty_officer")))
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.join().body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            // one event on connecting (read what waits), then one for the check sent now
            assertThat(nextEvent(lines)).isEqualTo("event:spot-check");
            lines.clear();
            county().body(Map.of("division", r.town())).post("/api/duty/spot-checks").then().statusCode(201);
            assertThat(nextEvent(lines)).isEqualTo("event:spot-check");
            assertThat(officer(account, r.town()).get("/api/duty/me/spot-checks").then().statusCode(200)
                    .extract().jsonPath().<String>getList("state")).containsExactly("WAITING");
        } finally {
            stream.cancel(true);
            reader.interrupt();
        }
    }

    private static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (String line = lines.poll(10, TimeUnit.SECONDS); line != null && System.nanoTime() < until;
                line = lines.poll(10, TimeUnit.SECONDS)) {
            if (line.startsWith("event:")) {
                return line.replace(" ", "");
            }
        }
        return null;
    }

    @Test
    void theCalendarAddressWorksWithoutSigningInUntilRevoked() {
        Roster r = roster("o5-" + System.nanoTime());
        String account = accountOf(r);
        shift(r.town(), r.period(), r.member(), "LEADER", clock.instant().plus(Duration.ofHours(2)),
                clock.instant().plus(Duration.ofHours(10)));
        officer(account, r.town()).get("/api/duty/me/calendar").then().statusCode(200).body("enabled", equalTo(false));

        String path = officer(account, r.town()).post("/api/duty/me/calendar").then().statusCode(201)
                .body("state.enabled", equalTo(true)).extract().path("path");
        assertThat(path).matches("/api/duty/calendar/[A-Za-z0-9_-]{43}\\.ics");
        String ics = given().get(path).then().statusCode(200).contentType(containsString("text/calendar"))
                .extract().asString();
        assertThat(ics).contains("BEGIN:VEVENT", "值班（带班领导）：王永强", "TZID=Asia/Shanghai").doesNotContain(r.town());
        officer(account, r.town()).get("/api/duty/me/calendar").then().body("lastReadAt", matchesRegex(".+"));

        // a new address replaces the old one; revoking ends the new one; a made-up one never worked
        String renewed = officer(account, r.town()).post("/api/duty/me/calendar").then().statusCode(201).extract().path("path");
        given().get(path).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:beiqin:problem:calendar-feed-unknown"));
        given().get(renewed).then().statusCode(200);
        officer(account, r.town()).delete("/api/duty/me/calendar").then().statusCode(204);
        given().get(renewed).then().statusCode(404);
        given().get("/api/duty/calendar/" + "A".repeat(43) + ".ics").then().statusCode(404);
        given().get("/api/duty/calendar/short.ics").then().statusCode(404);
        // an account the administrator disables no longer feeds a calendar
        String last = officer(account, r.town()).post("/api/duty/me/calendar").then().statusCode(201).extract().path("path");
        given().get(last).then().statusCode(200);
        disable(account, r.town());
        given().get(last).then().statusCode(404);
        // someone who is on no team has no calendar to make
        officer("nobody-" + System.nanoTime(), r.town()).post("/api/duty/me/calendar").then().statusCode(404)
                .body("type", equalTo("urn:beiqin:problem:not-a-member"));
    }

    private static String accountOf(Roster r) {
        return given().auth().oauth2(Tokens.countyOffice("410182")).get("/api/duty/teams/" + r.team()).then()
                .statusCode(200).extract().jsonPath().getString("members[0].account");
    }
}
