package org.beiqin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class GatewaySecurityTest extends GatewayTestBase {

    private static final List<String> SERVICE_PREFIXES = List.of("/api/warehouse/warehouses", "/api/drills",
            "/api/duty/me/shifts", "/api/rectification/items");
    /** The only paths that answer without a token (besides health, the console and the API description). */
    private static final Set<String> PUBLIC = Set.of("/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
            "/api/auth/jwks", "/api/auth/public-key.pem");

    @Test
    void noGatewayEndpointAnswersWithoutAValidToken() {
        JsonPath openapi = json().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (PUBLIC.contains(path.getKey()) || !path.getKey().startsWith("/api/")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "5f0e8a9e-1c6b-4d0e-9a51-0f5b2f3c4d5e");
            for (String method : path.getValue().keySet()) {
                for (String token : badTokens()) {
                    Response answer = (token == null ? json() : as(token)).body("{}").request(method, concrete);
                    assertThat(answer.statusCode()).as(method + " " + concrete + " with " + describe(token))
                            .isEqualTo(401);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }
                checked.add(method + " " + path.getKey());
            }
        }
        assertThat(checked).contains("get /api/auth/me", "get /api/users", "post /api/users",
                "patch /api/users/{id}", "post /api/users/{id}/password");
    }

    @Test
    void aServiceRouteRefusesMissingExpiredForeignAndUnsignedTokensBeforeForwarding() {
        for (String prefix : SERVICE_PREFIXES) {
            for (String token : badTokens()) {
                (token == null ? json() : as(token)).get(prefix).then()
                        .statusCode(401)
                        .contentType(startsWith("application/problem+json"))
                        .header("WWW-Authenticate", "Bearer")
                        .body("type", equalTo("urn:beiqin:problem:unauthorized"));
            }
        }
    }

    @Test
    void onlyACalendarSubscriptionIsReadWithoutAToken() {
        // the secret in the path is the key, checked by the duty service: the gateway passes the GET on
        json().get("/api/duty/calendar/" + "A".repeat(43) + ".ics").then().statusCode(503)
                .body("service", equalTo("duty-roster-service"));
        // nothing else under it, and no other method or path, is let through without a token
        json().body(Map.of()).post("/api/duty/calendar/" + "A".repeat(43) + ".ics").then().statusCode(401);
        json().get("/api/duty/me/calendar").then().statusCode(401);
        json().get("/api/duty/calendar/../me/shifts").then().statusCode(401);
        json().urlEncodingEnabled(false).get("/api/duty/calendar/%2e%2e/me/shifts").then().statusCode(401);
        json().urlEncodingEnabled(false).get("/api/duty/calendar/%2E%2E%2Fme%2Fshifts").then().statusCode(401);
        json().get("/api/duty/calendar/" + "A".repeat(43) + ".ics/more").then().statusCode(401);
        json().get("/api/duty/calendarx/secret.ics").then().statusCode(401);
    }

    @Test
    void aServiceThatIsDownGetsAProblemNamingItInTheCallersLanguageAtOnce() {
        String token = Tokens.keeper("410182102");
        long started = System.nanoTime();
        as(token).get("/api/warehouse/warehouses").then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "5")
                .body("type", equalTo("urn:beiqin:problem:service-unavailable"))
                .body("title", equalTo("仓库服务暂时无法访问"))
                .body("service", equalTo("warehouse-service"));
        as(token).header("Accept-Language", "en").body(Map.of("quantity", 1))
                .post("/api/rectification/items/x/measures").then()
                .statusCode(503)
                .body("title", equalTo("The rectification service is not reachable"))
                .body("service", equalTo("rectification-service"));
        // refused connections answer at once; only the configured timeouts could make a caller wait
        assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void theCombinedDocumentListsTheGatewaysOwnPathsAndNamesTheServicesItCouldNotRead() {
        JsonPath combined = json().get("/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(combined.getString("info.title")).isEqualTo("备勤 Beiqin API");
        assertThat(combined.getMap("paths")).containsKeys("/api/auth/login", "/api/users");
        assertThat(combined.getList("x-beiqin-unavailable")).containsExactlyInAnyOrder("warehouse-service",
                "drill-service", "duty-roster-service", "rectification-service");
        // Swagger UI reads that document, and may run the inline script that starts it (the console may not)
        String swaggerPolicy = json().accept("text/html").get("/q/swagger-ui/").then().statusCode(200)
                .extract().header("Content-Security-Policy");
        assertThat(swaggerPolicy).contains("script-src 'self' 'unsafe-inline'").contains("frame-ancestors 'none'");
        assertThat(json().accept("text/html").get("/").header("Content-Security-Policy"))
                .contains("script-src 'self' 'unsafe-eval';");
    }

    @Test
    void theConsoleAndEveryAssetItLoadsAreServedByTheGatewayItselfUnderAStrictPolicy() {
        Response page = json().accept("text/html").get("/");
        page.then().statusCode(200)
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff");
        String html = page.asString();
        assertThat(html).contains("备勤");
        Matcher assets = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(html);
        List<String> served = new ArrayList<>();
        while (assets.find()) {
            json().accept("*/*").get(assets.group(1)).then().statusCode(200);
            served.add(assets.group(1));
        }
        assertThat(served).anyMatch(a -> a.contains("pico")).anyMatch(a -> a.contains("main.js"));
        // the modules the console imports (Alpine.js, each page) are served by the gateway too
        String main = json().accept("*/*").get("/console/main.js").then().statusCode(200).extract().asString();
        Matcher imports = Pattern.compile("from '([^']+)'").matcher(main);
        while (imports.find()) {
            String path = imports.group(1).startsWith("/") ? imports.group(1) : "/console/" + imports.group(1).replace("./", "");
            json().accept("*/*").get(path).then().statusCode(200);
            served.add(path);
        }
        assertThat(served).anyMatch(a -> a.contains("alpinejs")).anyMatch(a -> a.contains("pages/index.js"));
        assertThat(html).doesNotContain("http://", "https://");
    }

    /** No token, an expired one, one signed by a key nobody trusts, and an unsigned one ({@code alg: none}). */
    private static List<String> badTokens() {
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add(Tokens.expired("410182102"));
        tokens.add(Tokens.foreign("410182102"));
        tokens.add(unsigned(Tokens.countyOffice("410182")));
        tokens.add("not-a-token");
        return tokens;
    }

    /** A valid token's claims with {@code alg: none} and the signature removed. */
    static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    private static String describe(String token) {
        return token == null ? "no token" : token.length() > 20 ? token.substring(0, 20) + "…" : token;
    }
}
