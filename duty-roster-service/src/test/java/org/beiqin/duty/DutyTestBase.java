package org.beiqin.duty;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;

import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.contract.UserChanged;
import org.beiqin.testing.KafkaTestResource;
import org.beiqin.testing.PostgresTestResource;
import org.beiqin.testing.ServiceTestBase;
import org.beiqin.testing.Tokens;
import org.beiqin.testing.TopicReader;
import org.beiqin.testing.TopicWriter;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.specification.RequestSpecification;

/** One Quarkus boot, one throw-away database and one in-process broker for the module's tests. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
public abstract class DutyTestBase extends ServiceTestBase {

    protected TopicReader teams;

    @BeforeEach
    void openTopics() {
        teams = perTest(new TopicReader(Topics.ROSTER_TEAMS));
    }

    protected static RequestSpecification office(String division) {
        return as(Tokens.token("office-" + division, "镇应急办" + division, division, Set.of("keeper")));
    }

    /** The duty officer signed in as {@code account}. */
    protected static RequestSpecification officer(String account, String division) {
        return as(Tokens.token(account, account, division, Set.of("duty_officer")));
    }

    protected static String team(String division, String name, String level) {
        return office(division).body(Map.of("division", division, "name", name, "level", level))
                .post("/api/duty/teams").then().statusCode(201).extract().path("id");
    }

    private static TopicWriter accounts;

    /**
     * Announces a sign-in account as the gateway does ({@code identity.users}) and waits until the
     * roster knows it: members can be bound only to accounts it has heard of.
     */
    protected static void account(String username, String division, String... roles) {
        synchronized (DutyTestBase.class) {
            if (accounts == null) {
                accounts = new TopicWriter();
            }
        }
        List<String> granted = List.of(roles.length == 0 ? new String[] {"duty_officer"} : roles);
        Instant now = Instant.now();
        // an account the picker does not list (not an officer) is first announced as an officer and
        // then as it is, so that its arrival can be seen: the second state replaces the first
        announce(username, division, List.of("duty_officer"), granted.contains("duty_officer") ? now
                : now.minusSeconds(1));
        awaitPickable(username, division, true);
        if (!granted.contains("duty_officer")) {
            announce(username, division, granted, now);
            awaitPickable(username, division, false);
        }
    }

    private static void announce(String username, String division, List<String> roles, Instant at) {
        announce(username, division, roles, true, at);
    }

    private static void announce(String username, String division, List<String> roles, boolean active, Instant at) {
        accounts.event(Topics.IDENTITY_USERS, username, "/gateway", EventTypes.USER_CHANGED, at,
                EventTypes.USER_CHANGED_SCHEMA, new UserChanged(username, username, division, roles, active, at));
    }

    /** The administrator disables an account, as the gateway announces it; waits until the roster knows. */
    protected static void disable(String username, String division) {
        announce(username, division, List.of("duty_officer"), false, Instant.now());
        awaitPickable(username, division, false);
    }

    private static void awaitPickable(String username, String division, boolean pickable) {
        await().atMost(EVENT_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> office(division)
                .queryParam("division", division).queryParam("q", username).get("/api/duty/accounts").then()
                .statusCode(200).extract().jsonPath().getList("username").contains(username.toLowerCase()) == pickable);
    }

    protected static String member(String division, String team, String name, String account, String phone,
            String gender, String birthDate, List<String> roles) {
        if (account != null) {
            account(account, division);
        }
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "gender", gender,
                "birthDate", birthDate, "roles", roles));
        if (account != null) {
            body.put("account", account);
        }
        if (phone != null) {
            body.put("phone", phone);
        }
        return office(division).body(body).post("/api/duty/teams/" + team + "/members").then().statusCode(201)
                .extract().path("id");
    }

    protected static String period(String division, String name, Instant from, Instant to) {
        return office(division).body(Map.of("division", division, "name", name, "startsAt", from.toString(),
                "endsAt", to.toString(), "minLeaders", 1, "minStaff", 2)).post("/api/duty/periods").then()
                .statusCode(201).extract().path("id");
    }

    protected static String shift(String division, String period, String member, String role, Instant from,
            Instant to) {
        return office(division).body(Map.of("memberId", member, "role", role, "startsAt", from.toString(),
                "endsAt", to.toString())).post("/api/duty/periods/" + period + "/shifts").then().statusCode(201)
                .extract().path("id");
    }

    protected static void sweep() {
        county().post("/api/duty/sweep").then().statusCode(200);
    }

    /** The body of a swap of a shift with {@code otherShift}, made on the versions the office saw. */
    protected static Map<String, Object> swap(String otherShift, String reason, int version, int otherVersion) {
        return Map.of("otherShiftId", otherShift, "reason", reason, "version", version, "otherVersion", otherVersion);
    }

    /** Who stands the shift now, as the office's roster shows it. */
    protected static String memberOf(String town, String period, String shift) {
        return (String) shiftAsListed(town, period, shift).get("memberId");
    }

    /** The shift's version, as the office's roster shows it. */
    protected static int version(String town, String period, String shift) {
        return (Integer) shiftAsListed(town, period, shift).get("version");
    }

    private static Map<String, Object> shiftAsListed(String town, String period, String shift) {
        return office(town).get("/api/duty/periods/" + period + "/shifts").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("$").stream().filter(s -> shift.equals(s.get("id")))
                .findFirst().orElseThrow();
    }
}
