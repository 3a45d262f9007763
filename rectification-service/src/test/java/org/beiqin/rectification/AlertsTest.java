package org.beiqin.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.testing.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The county office's alerts: paged and filtered, acknowledged by a person, and live over SSE. */
@QuarkusTest
class AlertsTest extends RectificationTestBase {

    @TestHTTPResource("/api/rectification/alerts/stream")
    URL stream;

    @Test
    void unreadAlertsArePagedFilteredAndAcknowledgedByAPerson() {
        String town = newTownship();
        sendOpened(finding(town, "EXTINGUISHER_EXPIRED", "high", "A-1", clock.instant()));
        sendOpened(finding(town, "MIXED_STORAGE", "low", "A-2", clock.instant()));
        awaitItems(town, 2);

        JsonPath high = county().queryParam("division", town).queryParam("severity", "high")
                .get("/api/rectification/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(high.getInt("total")).isEqualTo(1);
        assertThat(high.getString("items[0].title")).isEqualTo("发现问题：灭火器年检已逾期 A-1");
        assertThat(high.getString("items[0].itemStatus")).isEqualTo("NOT_COMPLETED");
        long id = high.getLong("items[0].id");
        as(Tokens.countyOffice(COUNTY)).header("Accept-Language", "en").queryParam("division", town)
                .queryParam("severity", "high").get("/api/rectification/alerts").then().statusCode(200)
                .body("items[0].title", equalTo("New finding: Inspection overdue A-1"));

        county().post("/api/rectification/alerts/" + id + "/acknowledgement").then().statusCode(200)
                .body("acknowledged.by", equalTo("县应急办410182"));
        // a colleague acknowledging later does not overwrite who read it first
        as(Tokens.token("county-2", "另一位值班员", COUNTY, Set.of("county_office")))
                .post("/api/rectification/alerts/" + id + "/acknowledgement").then().statusCode(200)
                .body("acknowledged.by", equalTo("县应急办410182"));

        JsonPath unread = county().queryParam("division", town).get("/api/rectification/alerts").then()
                .statusCode(200).extract().jsonPath();
        assertThat(unread.getInt("total")).isEqualTo(1);
        assertThat(unread.getString("items[0].severity")).isEqualTo("low");
        assertThat(county().queryParam("division", town).queryParam("unread", false).queryParam("size", 1)
                .get("/api/rectification/alerts").then().statusCode(200).extract().jsonPath().getInt("total"))
                .isEqualTo(2);

        as(Tokens.countyOffice("410183")).post("/api/rectification/alerts/" + id + "/acknowledgement").then()
                .statusCode(404).contentType("application/problem+json");
        as(Tokens.keeper(town)).get("/api/rectification/alerts").then().statusCode(403);
        county().queryParam("severity", "urgent").get("/api/rectification/alerts").then().statusCode(422)
                .body("errors[0].field", equalTo("severity"));
    }

    @Test
    void alertsArriveLiveAndAReconnectingClientCatchesUp() throws Exception {
        String town = newTownship();
        String otherCounty = "410183" + newTownship().substring(6);
        try (SseClient live = new SseClient(stream, Tokens.countyOffice(COUNTY), town, null);
                SseClient elsewhere = new SseClient(stream, Tokens.countyOffice("410183"), null, null)) {
            live.awaitOpen();
            elsewhere.awaitOpen();
            sendOpened(finding(town, "EQUIPMENT_FAULTY", "high", "B-1", clock.instant()));

            Map<String, String> event = live.next(APPLIED);
            assertThat(event.get("event")).isEqualTo("alert");
            JsonPath alert = new JsonPath(event.get("data"));
            assertThat(alert.getString("title")).isEqualTo("发现问题：灭火器年检已逾期 B-1");
            assertThat(alert.getString("division")).isEqualTo(town);
            assertThat(event.get("id")).isEqualTo(alert.getString("id"));

            // another county's office hears only its own county
            sendOpened(finding(otherCounty, "EQUIPMENT_FAULTY", "high", "B-2", clock.instant()));
            assertThat(new JsonPath(elsewhere.next(APPLIED).get("data")).getString("division")).isEqualTo(otherCounty);

            // while the office is offline, another alert; on reconnect with Last-Event-ID it arrives
            String lastSeen = event.get("id");
            live.close();
            sendOpened(finding(town, "BATTERY_LOW", "medium", "B-3", clock.instant()));
            awaitItems(town, 2);
            try (SseClient back = new SseClient(stream, Tokens.countyOffice(COUNTY), town, lastSeen)) {
                JsonPath missed = new JsonPath(back.next(APPLIED).get("data"));
                assertThat(missed.getString("title")).isEqualTo("发现问题：灭火器年检已逾期 B-3");
            }
        }
    }

    @Test
    void theStreamRefusesWhatTheListRefuses() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream.toURI())
                .header("Authorization", "Bearer " + Tokens.countyOffice(COUNTY)).header("Accept", "text/event-stream")
                .uri(URI.create(stream + "?division=410183")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream.toURI())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    /** A minimal EventSource: reads "event/id/data" blocks into a queue until closed. */
    static final class SseClient implements AutoCloseable {
        private final BlockingQueue<Map<String, String>> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<InputStream> body;
        private final CountDownLatch open = new CountDownLatch(1);
        private volatile InputStream in;

        SseClient(URL stream, String token, String division, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + (division == null ? ""
                    : "?division=" + division))).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            body = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .thenApply(HttpResponse::body);
            Thread reader = new Thread(this::read, "sse-test-client");
            reader.setDaemon(true);
            reader.start();
        }

        void awaitOpen() throws InterruptedException {
            assertThat(open.await(30, TimeUnit.SECONDS)).as("stream opened").isTrue();
        }

        private void read() {
            try {
                in = body.get(30, TimeUnit.SECONDS);
                open.countDown();
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> event = new HashMap<>();
                for (String line; (line = lines.readLine()) != null;) {
                    if (line.isEmpty()) {
                        if (event.containsKey("data")) {
                            events.add(event);
                        }
                        event = new HashMap<>();
                    } else if (!line.startsWith(":") && line.contains(":")) {
                        String field = line.substring(0, line.indexOf(':'));
                        String value = line.substring(line.indexOf(':') + 1).stripLeading();
                        event.merge(field, value, (a, b) -> a + "\n" + b);
                    }
                }
            } catch (Exception e) {
                // closed by the test
            }
        }

        Map<String, String> next(Duration timeout) throws InterruptedException {
            Map<String, String> event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("an alert within " + timeout).isNotNull();
            return event;
        }

        @Override
        public void close() throws Exception {
            if (in != null) {
                in.close();
            }
            body.cancel(true);
        }
    }
}
