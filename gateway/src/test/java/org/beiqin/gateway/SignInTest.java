package org.beiqin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SignInTest extends GatewayTestBase {

    @Test
    void aSignInGivesAShortLivedRs256TokenWithTheArchitectureClaimsThatThePublishedKeyVerifies() throws Exception {
        createUser("signin-keeper", "Qiaolou-keeper-1", "keeper", "410182102");
        Map<String, Object> session = login("signin-keeper", "Qiaolou-keeper-1");
        String token = (String) session.get("accessToken");
        assertThat(session.get("expiresIn")).isEqualTo(900);
        assertThat(session.get("refreshToken")).isNotNull();
        assertThat(session).doesNotContainKey("passwordHash");

        JsonPath header = new JsonPath(decode(token.split("\\.")[0]));
        JsonPath claims = new JsonPath(decode(token.split("\\.")[1]));
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(claims.getString("iss")).isEqualTo("https://beiqin.test/issuer");
        assertThat(claims.getString("sub")).isEqualTo("signin-keeper");
        assertThat(claims.getString("name")).isEqualTo("测试 signin-keeper");
        assertThat(claims.getString("division")).isEqualTo("410182102");
        assertThat(claims.getList("groups")).containsExactly("keeper");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900);

        // what a service (or anyone) fetches to verify tokens itself
        String jwks = json().get("/api/auth/jwks").then().statusCode(200).extract().asString();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(new JsonWebKeySet(jwks).findJsonWebKey(header.getString("kid"), "RSA", "sig", "RS256").getKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(json().accept("application/x-pem-file").get("/api/auth/public-key.pem").then().statusCode(200)
                .extract().asString()).startsWith("-----BEGIN PUBLIC KEY-----");

        as(token).get("/api/auth/me").then().statusCode(200)
                .body("username", equalTo("signin-keeper"))
                .body("division", equalTo("410182102"))
                .body("roles", equalTo(List.of("keeper")));
    }

    @Test
    void aWrongPasswordAnUnknownNameAndADisabledAccountGetTheSameAnswer() {
        String id = createUser("signin-disabled", "Disabled-user-1", "keeper", "410182102");
        createUser("signin-wrong", "Right-password-1", "keeper", "410182102");
        as(adminToken()).body(Map.of("version", 0, "active", false)).patch("/api/users/" + id).then().statusCode(200)
                .body("active", equalTo(false));

        String wrong = refused("signin-wrong", "Wrong-password-1");
        String unknown = refused("nobody-at-all", "Wrong-password-1");
        String disabled = refused("signin-disabled", "Disabled-user-1");
        assertThat(unknown).isEqualTo(wrong);
        assertThat(disabled).isEqualTo(wrong);
        assertThat(wrong).contains("用户名或密码错误").doesNotContain("signin-wrong");
    }

    @Test
    void fiveFailuresLockTheNameEvenForTheRightPasswordUntilTheLockRunsOutAndUnknownNamesLockAlike() {
        createUser("signin-locked", "Locked-user-pw-1", "keeper", "410182102");
        for (int attempt = 1; attempt <= 4; attempt++) {
            json().body(Map.of("username", "signin-locked", "password", "guess-" + attempt)).post("/api/auth/login")
                    .then().statusCode(401);
        }
        json().body(Map.of("username", "signin-locked", "password", "guess-5")).post("/api/auth/login")
                .then().statusCode(429).body("type", equalTo("urn:beiqin:problem:login-locked"))
                .body("retryAfterSeconds", equalTo(300));
        json().body(Map.of("username", "SIGNIN-locked", "password", "Locked-user-pw-1")).post("/api/auth/login")
                .then().statusCode(429);

        // a name nobody has locks the same way: the lock tells nothing about which names exist
        for (int attempt = 1; attempt <= 4; attempt++) {
            json().body(Map.of("username", "no-such-user", "password", "guess-" + attempt)).post("/api/auth/login")
                    .then().statusCode(401);
        }
        json().body(Map.of("username", "no-such-user", "password", "guess-5")).post("/api/auth/login")
                .then().statusCode(429).body("retryAfterSeconds", equalTo(300));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        login("signin-locked", "Locked-user-pw-1");
        // the success cleared the count: one more mistake is an ordinary 401
        json().body(Map.of("username", "signin-locked", "password", "guess-6")).post("/api/auth/login")
                .then().statusCode(401);
    }

    @Test
    void aLockAfterALockLastsTwiceAsLongAndAnAdministratorCanLiftIt() {
        String id = createUser("signin-relocked", "Relocked-user-1", "keeper", "410182102");
        for (int attempt = 1; attempt <= 5; attempt++) {
            json().body(Map.of("username", "signin-relocked", "password", "guess")).post("/api/auth/login");
        }
        clock.advance(Duration.ofMinutes(6));
        json().body(Map.of("username", "signin-relocked", "password", "guess")).post("/api/auth/login")
                .then().statusCode(429).body("retryAfterSeconds", equalTo(600));
        // the administrator sees the lock on the user's row, lifts it, and it is gone from the row
        as(adminToken()).get("/api/users/" + id).then().statusCode(200)
                .body("lockedUntil", notNullValue());
        as(adminToken()).post("/api/users/" + id + "/unlock").then().statusCode(204);
        as(adminToken()).get("/api/users/" + id).then().statusCode(200).body("lockedUntil", nullValue());
        login("signin-relocked", "Relocked-user-1");
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseEndsTheWholeSignIn() {
        createUser("signin-refresh", "Refresh-user-pw1", "duty_officer", "410182102201");
        Map<String, Object> first = login("signin-refresh", "Refresh-user-pw1");
        String firstRefresh = (String) first.get("refreshToken");

        Map<String, Object> second = json().body(Map.of("refreshToken", firstRefresh)).post("/api/auth/refresh")
                .then().statusCode(200).header("Cache-Control", Matchers.containsString("no-store")).extract().jsonPath().getMap("$");
        String secondRefresh = (String) second.get("refreshToken");
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        as((String) second.get("accessToken")).get("/api/auth/me").then().statusCode(200);

        // the first token again, later (a stolen copy, say): refused, and the newer one with it
        clock.advance(Duration.ofSeconds(11));
        json().body(Map.of("refreshToken", firstRefresh)).post("/api/auth/refresh").then().statusCode(401)
                .body("type", equalTo("urn:beiqin:problem:refresh-invalid"));
        json().body(Map.of("refreshToken", secondRefresh)).post("/api/auth/refresh").then().statusCode(401);

        Map<String, Object> again = login("signin-refresh", "Refresh-user-pw1");
        json().body(Map.of("refreshToken", again.get("refreshToken"))).post("/api/auth/logout").then().statusCode(204);
        json().body(Map.of("refreshToken", again.get("refreshToken"))).post("/api/auth/refresh").then().statusCode(401);

        Map<String, Object> late = login("signin-refresh", "Refresh-user-pw1");
        clock.advance(Duration.ofDays(15));
        json().body(Map.of("refreshToken", late.get("refreshToken"))).post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    void anAdministratorManagesUsersOfTheirOwnCountyOnlyAndPasswordsAreStoredAsBcrypt() {
        String admin = adminToken();
        Map<String, Object> body = Map.of("username", "admin-made", "displayName", "汜水镇库管员",
                "password", "Sishui-keeper-1", "roles", List.of("keeper"), "division", "410182103");
        String id = as(admin).header("Idempotency-Key", "user-admin-made").body(body).post("/api/users")
                .then().statusCode(201).extract().path("id");
        // the same request again (a resend) answers the same user and makes no second one
        as(admin).header("Idempotency-Key", "user-admin-made").body(body).post("/api/users")
                .then().statusCode(201).body("id", equalTo(id));
        as(admin).body(Map.of("username", "ADMIN-MADE", "displayName", "x", "password", "Another-pass-1",
                "roles", List.of("keeper"), "division", "410182103")).post("/api/users")
                .then().statusCode(409).body("type", equalTo("urn:beiqin:problem:username-taken"));
        as(admin).get("/api/users").then().statusCode(200).body("username", hasItem("admin-made"))
                .body("passwordHash", not(hasItem(Matchers.notNullValue())));

        String hash = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(UUID.fromString(id))
                .passwordHash);
        assertThat(hash).startsWith("$2").doesNotContain("Sishui-keeper-1");

        // outside the administrator's county
        as(admin).body(Map.of("username", "elsewhere", "displayName", "x", "password", "Elsewhere-pass-1",
                "roles", List.of("keeper"), "division", "410183101")).post("/api/users")
                .then().statusCode(403).body("type", equalTo("urn:beiqin:problem:division-forbidden"));

        // weak passwords, unknown roles and bad divisions are refused, naming the field
        as(admin).body(Map.of("username", "weak-one", "displayName", "x", "password", "12345678901",
                "roles", List.of("keeper"), "division", "410182103")).post("/api/users")
                .then().statusCode(422).body("errors[0].field", equalTo("password"));
        as(admin).body(Map.of("username", "weak-two", "displayName", "x", "password", "Weak-two-pass-1",
                "roles", List.of("superuser"), "division", "4101")).post("/api/users")
                .then().statusCode(422).body("errors.field", equalTo(List.of("division", "roles")));
        as(admin).get("/api/users").then().body("username", not(hasItem("weak-one")));

        // a keeper is not an administrator
        String keeper = accessToken("admin-made", "Sishui-keeper-1");
        as(keeper).get("/api/users").then().statusCode(403);

        // a reset password ends the user's sign-ins; the new one works, the old does not
        Map<String, Object> session = login("admin-made", "Sishui-keeper-1");
        as(admin).body(Map.of("password", "Sishui-keeper-2")).post("/api/users/" + id + "/password")
                .then().statusCode(204);
        json().body(Map.of("refreshToken", session.get("refreshToken"))).post("/api/auth/refresh").then().statusCode(401);
        json().body(Map.of("username", "admin-made", "password", "Sishui-keeper-1")).post("/api/auth/login")
                .then().statusCode(401);
        login("admin-made", "Sishui-keeper-2");

        // a stale version is refused rather than overwriting
        as(admin).body(Map.of("version", 7, "displayName", "旧")).patch("/api/users/" + id).then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:stale-version"));
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        createUser("own-password", "Eigen-Mima-0001", "county_office", "410182");
        String token = accessToken("own-password", "Eigen-Mima-0001");
        as(token).body(Map.of("currentPassword", "not-it-at-all", "newPassword", "Eigen-Mima-0002"))
                .post("/api/auth/password").then().statusCode(422).body("errors[0].field", equalTo("currentPassword"));
        as(token).body(Map.of("currentPassword", "Eigen-Mima-0001", "newPassword", "Eigen-Mima-0002"))
                .post("/api/auth/password").then().statusCode(204);
        login("own-password", "Eigen-Mima-0002");
    }

    private static String refused(String username, String password) {
        return json().body(Map.of("username", username, "password", password)).post("/api/auth/login")
                .then().statusCode(401).contentType("application/problem+json").extract().asString();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
