package org.beiqin.gateway;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import org.beiqin.testing.PostgresTestResource;
import org.beiqin.testing.TestClock;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * One Quarkus boot and one throw-away database for the gateway's tests. The services behind it
 * are not running here (their addresses point where nothing listens): what the gateway does with
 * a service that is down is one of the things tested; forwarding to running services is tested
 * end to end by {@code e2e/}. Balancing over replicas is tested against {@link FakeReplicas}.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeReplicas.class, scope = TestResourceScope.GLOBAL)
public abstract class GatewayTestBase {

    /** The first administrator, from the test profile's bootstrap settings. */
    protected static final String ADMIN = "admin";
    protected static final String ADMIN_PASSWORD = "Test-guanli-2026";

    @Inject
    protected TestClock clock;

    @BeforeEach
    void resetClock() {
        clock.reset();
    }

    protected static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    protected static RequestSpecification as(String token) {
        return json().header("Authorization", "Bearer " + token);
    }

    protected static Map<String, Object> login(String username, String password) {
        return json().body(Map.of("username", username, "password", password)).post("/api/auth/login")
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    protected static String accessToken(String username, String password) {
        return (String) login(username, password).get("accessToken");
    }

    protected static String adminToken() {
        return accessToken(ADMIN, ADMIN_PASSWORD);
    }

    /** A user of the given role and division, made by the administrator; answers the user's id. */
    protected static String createUser(String username, String password, String role, String division) {
        return as(adminToken())
                .body(Map.of("username", username, "displayName", "测试 " + username, "password", password,
                        "roles", List.of(role), "division", division))
                .post("/api/users").then().statusCode(201).extract().path("id");
    }
}
