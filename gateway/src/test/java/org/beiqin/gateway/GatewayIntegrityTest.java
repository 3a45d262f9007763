package org.beiqin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.beiqin.gateway.LoginFailure;
import org.beiqin.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Sign-in and user administration under attack (issue 15): races on one refresh token and one
 * name's lockout, roles that do not fit the division, names probed from another county, what the
 * browser may cache, and the accounts announced to the services.
 */
@QuarkusTest
class GatewayIntegrityTest extends GatewayTestBase {

    @Inject
    EntityManager em;

    /** Runs {@code n} copies of {@code call} released at the same instant; answers their statuses. */
    private static List<Integer> inParallel(int n, Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call().statusCode();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> counted(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void oneRefreshTokenIsSpentExactlyOnceUnderConcurrency() throws Exception {
        createUser("race-refresh", "Shuaxin-Mima-01", "keeper", "410182102");
        String refresh = (String) login("race-refresh", "Shuaxin-Mima-01").get("refreshToken");
        List<String> winners = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = inParallel(32, () -> {
            Response r = json().body(Map.of("refreshToken", refresh)).post("/api/auth/refresh");
            if (r.statusCode() == 200) {
                winners.add(r.jsonPath().getString("refreshToken"));
            }
            return r;
        });
        assertThat(counted(statuses)).containsEntry(200, 1L).containsEntry(401, 31L).hasSize(2);
        // the losers of a race (two tabs refreshing at once) do not end the sign-in: the winner's token works
        String newest = json().body(Map.of("refreshToken", winners.get(0))).post("/api/auth/refresh").then()
                .statusCode(200).extract().path("refreshToken");
        // but the spent token presented later is a stolen copy: refused, and the whole sign-in ends
        clock.advance(Duration.ofSeconds(11));
        json().body(Map.of("refreshToken", refresh)).post("/api/auth/refresh").then().statusCode(401);
        json().body(Map.of("refreshToken", newest)).post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    void fortyParallelGuessesGetExactlyTheAllowedFiveAndNoServerError() throws Exception {
        createUser("race-lockout", "Suoding-Mima-01", "keeper", "410182102");
        List<Integer> statuses = inParallel(40, () -> json()
                .body(Map.of("username", "race-lockout", "password", "wrong-guess-" + Math.random()))
                .post("/api/auth/login"));
        // four refused, the fifth locks the name (429), and the other 35 never reach the password check
        assertThat(counted(statuses)).containsEntry(401, 4L).containsEntry(429, 36L).hasSize(2);
        int failures = QuarkusTransaction.requiringNew()
                .call(() -> LoginFailure.<LoginFailure>findById("race-lockout").failures);
        assertThat(failures).as("passwords actually compared").isEqualTo(5);
        json().body(Map.of("username", "race-lockout", "password", "Suoding-Mima-01")).post("/api/auth/login")
                .then().statusCode(429);
    }

    @Test
    void theCountyOfficesRoleIsOnlyForACountyLevelUser() {
        String admin = adminToken();
        as(admin).body(Map.of("username", "town-as-county", "displayName", "镇里的人", "password", "Zhen-li-de-ren-1",
                "roles", List.of("county_office"), "division", "410182102")).post("/api/users").then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("roles"));
        as(admin).get("/api/users").then().body("username", Matchers.not(hasItem("town-as-county")));

        String keeper = createUser("town-keeper-role", "Zhenji-Mima-01", "keeper", "410182102");
        as(admin).body(Map.of("version", 0, "roles", List.of("keeper", "county_office"))).patch("/api/users/" + keeper)
                .then().statusCode(422).body("errors.field", hasItem("roles"));
        String office = createUser("county-moved", "Xianji-Mima-01", "county_office", "410182");
        as(admin).body(Map.of("version", 0, "division", "410182103")).patch("/api/users/" + office).then()
                .statusCode(422).body("errors.field", hasItem("division"));
        as(admin).get("/api/users/" + office).then().body("division", equalTo("410182"));
    }

    @Test
    void anotherCountysAdministratorCannotTellTakenNamesFromFreeOnes() {
        createUser("qiaolou-taken", "Zhanyong-Mima-01", "keeper", "410182102");
        String foreign = Tokens.token("admin-410183", "上街区管理员", "410183", Set.of("admin"));
        List<Map<String, Object>> probes = List.of(
                Map.of("password", "123", "roles", List.of("keeper"), "division", "410183101"),
                Map.of("password", "Shangjie-keeper-1", "roles", List.of("county_office"), "division", "410183101"),
                Map.of("password", "Shangjie-keeper-1", "roles", List.of("keeper"), "division", "410182102"));
        for (Map<String, Object> probe : probes) {
            List<String> answers = new ArrayList<>();
            for (String name : List.of("qiaolou-taken", "never-taken-" + probe.hashCode())) {
                Map<String, Object> body = new HashMap<>(probe);
                body.put("username", name);
                body.put("displayName", "探测");
                Response r = as(foreign).body(body).post("/api/users");
                answers.add(r.statusCode() + " " + r.jsonPath().getString("type") + " "
                        + r.jsonPath().getList("errors.field"));
            }
            assertThat(answers.get(0)).as("taken and free answer alike for " + probe).isEqualTo(answers.get(1))
                    .doesNotContain("username-taken");
        }
    }

    @Test
    void aNulInTheSignInNameIsABadRequestNotAServerError() {
        json().body(Map.of("username", "adm\u0000in", "password", "whatever-password")).post("/api/auth/login").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("username"));
        json().body(Map.of("refreshToken", "abc\u0000def")).post("/api/auth/refresh").then().statusCode(400);
    }

    @Test
    void apiAnswersAreNotStoredAndTheConsoleRevalidates() {
        as(adminToken()).get("/api/users").then().statusCode(200).header("Cache-Control", "no-store");
        json().get("/api/auth/me").then().statusCode(401).header("Cache-Control", "no-store");
        for (String page : List.of("/", "/index.html", "/console/main.js", "/console/api.js", "/console/pages/ledger.js")) {
            String cache = RestAssured.given().get(page).then().statusCode(200).extract()
                    .header("Cache-Control");
            assertThat(cache).as(page).isEqualTo("no-cache");
        }
    }

    @Test
    void everyAccountChangeIsAnnouncedWithoutItsPassword() {
        String id = createUser("announced-officer", "Gonggao-Mima-01", "duty_officer", "410182102201");
        as(adminToken()).body(Map.of("version", 0, "active", false)).patch("/api/users/" + id).then().statusCode(200);
        @SuppressWarnings("unchecked")
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT payload FROM outbox_event WHERE topic = 'identity.users' AND record_key = ?1 ORDER BY seq")
                .setParameter(1, "announced-officer").getResultList());
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(0)).contains("preparedness.user.changed").contains("\"division\":\"410182102201\"")
                .contains("duty_officer").contains("\"active\":true").doesNotContain("Gonggao-Mima-01")
                .doesNotContain("$2a$");
        assertThat(payloads.get(1)).contains("\"active\":false");
    }
}
