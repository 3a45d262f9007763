package org.beiqin.warehouse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Records that could be forged, undone or read past one's scope (issue 15): each case here was
 * reproduced against the running system before its fix.
 */
@QuarkusTest
class IntegrityTest extends WarehouseTestBase {

    private static final String COUNTY = "410182";

    private String countedShortAndApproved(String town, String warehouse, String item) {
        String flood = zone(town, warehouse, "FLOOD");
        receive(town, warehouse, item, 20).statusCode(201);
        String stocktake = keeper(town).body(Map.of("note", "月度盘点"))
                .post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then().statusCode(201)
                .extract().path("id");
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", item, "zoneId", flood, "counted", 18))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200);
        return as(Tokens.countyOffice(COUNTY)).body(Map.of("reason", "经核实，2 把在抢险中损耗"))
                .post("/api/warehouse/stocktakes/" + stocktake + "/reconciliation").then().statusCode(201)
                .extract().path("[0].id");
    }

    @Test
    void aKeeperCannotUndoTheCountysStocktakeApproval() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String shovel = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        String correction = countedShortAndApproved(town, warehouse, shovel);

        keeper(town).body(Map.of("reason", "改回原数")).post("/api/warehouse/movements/" + correction + "/reversal")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:beiqin:problem:reversal-needs-approver"))
                .body("title", equalTo("只有县级可以冲销"));
        assertThat(balance(town, warehouse, shovel)).isEqualByComparingTo("18");
        // a township user holding an administrator's role cannot approve or undo either
        as(Tokens.token("admin-" + town, "镇管理员", town, Set.of("admin"))).body(Map.of("reason", "改回原数"))
                .post("/api/warehouse/movements/" + correction + "/reversal").then().statusCode(403);
        assertThat(balance(town, warehouse, shovel)).isEqualByComparingTo("18");

        // the county, which approved it, may undo it
        as(Tokens.countyOffice(COUNTY)).body(Map.of("reason", "审批有误")).post("/api/warehouse/movements/" + correction
                + "/reversal").then().statusCode(201).body("[0].type", equalTo("REVERSAL"));
        assertThat(balance(town, warehouse, shovel)).isEqualByComparingTo("20");
    }

    @Test
    void aKeepersAdjustmentStandsAsAFindingUntilTheCountyApprovesIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String rope = createItem(town, "救生绳", "FLOOD", "EQUIPMENT", "根");
        receive(town, warehouse, rope, 10).statusCode(201);

        String adjustment = keeper(town).body(Map.of("itemId", rope, "delta", -3, "reason", "账多记了"))
                .post("/api/warehouse/warehouses/" + warehouse + "/adjustments").then().statusCode(201)
                .extract().path("id");
        assertThat(balance(town, warehouse, rope)).isEqualByComparingTo("7");
        Discrepancy opened = awaitOpened("ADJUSTMENT_UNAPPROVED", adjustment);
        assertThat(opened.division()).isEqualTo(town);
        assertThat(opened.summary().zh()).contains("救生绳").contains("-3").contains("账多记了").contains("未经县级审批");

        // the keeper cannot approve it; a county of another place cannot see it
        keeper(town).body(Map.of()).post("/api/warehouse/movements/" + adjustment + "/approval").then().statusCode(403);
        as(Tokens.countyOffice("410183")).body(Map.of()).post("/api/warehouse/movements/" + adjustment + "/approval")
                .then().statusCode(404);
        as(Tokens.countyOffice(COUNTY)).body(Map.of("note", "已核实")).post("/api/warehouse/movements/" + adjustment
                + "/approval").then().statusCode(200).body("id", equalTo(adjustment));
        Discrepancy resolved = awaitResolved("ADJUSTMENT_UNAPPROVED", adjustment);
        assertThat(resolved.key()).isEqualTo(opened.key());
        as(Tokens.countyOffice(COUNTY)).body(Map.of()).post("/api/warehouse/movements/" + adjustment + "/approval")
                .then().statusCode(409);
        // once approved, it is the county's: the keeper cannot reverse it any more
        keeper(town).body(Map.of("reason", "撤回")).post("/api/warehouse/movements/" + adjustment + "/reversal")
                .then().statusCode(403);
        assertThat(balance(town, warehouse, rope)).isEqualByComparingTo("7");
    }

    @Test
    void aKeeperWhoReversesTheirOwnUnapprovedAdjustmentClearsIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String bags = createItem(town, "编织袋", "FLOOD", "GENERAL", "条");
        String adjustment = keeper(town).body(Map.of("itemId", bags, "delta", 50, "reason", "补记"))
                .post("/api/warehouse/warehouses/" + warehouse + "/adjustments").then().statusCode(201)
                .extract().path("id");
        awaitOpened("ADJUSTMENT_UNAPPROVED", adjustment);
        keeper(town).body(Map.of("reason", "录错了")).post("/api/warehouse/movements/" + adjustment + "/reversal")
                .then().statusCode(201);
        awaitResolved("ADJUSTMENT_UNAPPROVED", adjustment);
        assertThat(balance(town, warehouse, bags)).isEqualByComparingTo("0");
    }

    @Test
    void aTokenWithoutAValidDivisionReadsNothing() {
        String town = newTownship();
        createWarehouse(town, "仓库");
        createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        for (Object division : new Object[] {"", "%", "4101", "4101821__", "410182102%", null}) {
            String token = signed("keeper-x", division, Set.of("keeper"), Duration.ofMinutes(15));
            for (String path : List.of("/api/warehouse/items", "/api/warehouse/discrepancies",
                    "/api/warehouse/warehouses")) {
                as(token).get(path).then().statusCode(401).contentType("application/problem+json")
                        .body("type", equalTo("urn:beiqin:problem:token-claims-invalid"));
            }
        }
        // the county office's role claimed by a township, and a token issued for a day: refused too
        as(signed("x", town, Set.of("county_office"), Duration.ofMinutes(15))).get("/api/warehouse/warehouses")
                .then().statusCode(401);
        as(signed("x", town, Set.of("keeper"), Duration.ofHours(24))).get("/api/warehouse/warehouses")
                .then().statusCode(401);
        as(signed("x", town, Set.of("keeper"), Duration.ofMinutes(15))).get("/api/warehouse/warehouses")
                .then().statusCode(200);
    }

    @Test
    void aReplayIsServedOnlyToTheIdentityThatWasAuthorized() {
        String town = newTownship();
        String other = newTownship();
        String key = "replay-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("division", town, "name", "第一仓库");
        String first = as(Tokens.token("same-person", "同一人", town, Set.of("keeper"))).header("Idempotency-Key", key)
                .body(body).post("/api/warehouse/warehouses").then().statusCode(201).extract().path("id");
        // the same subject signed in for another township sends the same key and body: no replay
        // of the first township's record; the request is judged on its own (and refused)
        as(Tokens.token("same-person", "同一人", other, Set.of("keeper"))).header("Idempotency-Key", key).body(body)
                .post("/api/warehouse/warehouses").then().statusCode(403)
                .header("Idempotent-Replayed", Matchers.nullValue());
        // the same identity gets its replay
        as(Tokens.token("same-person", "同一人", town, Set.of("keeper"))).header("Idempotency-Key", key).body(body)
                .post("/api/warehouse/warehouses").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }

    @Test
    void aNulInAnyTextIsABadRequestNotAServerError() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        keeper(town).body(Map.of("division", town, "name", "仓\u0000库")).post("/api/warehouse/warehouses").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        keeper(town).body(Map.of("division", town, "name", "绳", "category", "FLOOD", "kind", "EQUIPMENT",
                "specification", "10m", "unit", "根", "attributes", Map.of("颜\u0000色", "红")))
                .post("/api/warehouse/items").then().statusCode(400).contentType("application/problem+json");
        keeper(town).queryParam("division", town + "\u0000").get("/api/warehouse/warehouses").then().statusCode(400)
                .contentType("application/problem+json");
        keeper(town).get("/api/warehouse/warehouses").then().statusCode(200).body("size()", equalTo(1));
        assertThat(keeper(town).get("/api/warehouse/warehouses/" + warehouse).then().statusCode(200)
                .extract().<String>path("name")).isEqualTo("仓库");
    }

    @Test
    void backDatingStopsAtTheOfflineWindowAndTheIssueItSettles() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String torch = createItem(town, "手电筒", "FLOOD", "EQUIPMENT", "个");
        Instant now = clock.instant();
        keeper(town).body(Map.of("itemId", torch, "quantity", 5, "occurredAt", now.minus(Duration.ofDays(400))))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(422)
                .body("errors[0].field", equalTo("occurredAt"));
        receive(town, warehouse, torch, 5).statusCode(201);
        String issue = keeper(town).body(Map.of("itemId", torch, "quantity", 2, "recipientName", "王建国",
                "dueBack", clock.today().plusDays(3).toString(), "occurredAt", now.minus(Duration.ofDays(2))))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201).extract().path("id");
        keeper(town).body(Map.of("issueId", issue, "quantity", 2, "occurredAt", now.minus(Duration.ofDays(5))))
                .post("/api/warehouse/warehouses/" + warehouse + "/returns").then().statusCode(422)
                .body("type", equalTo("urn:beiqin:problem:occurred-before-issue"));
        keeper(town).body(Map.of("issueId", issue, "quantity", 2, "occurredAt", now.minus(Duration.ofDays(1))))
                .post("/api/warehouse/warehouses/" + warehouse + "/returns").then().statusCode(201);
        assertThat(balance(town, warehouse, torch)).isEqualByComparingTo("5");

        // a facility inspection dated past the window is refused the same way; one inside it passes
        Map<String, Object> checklist = new HashMap<>(Map.of("groundFloorOrLift", true,
                "entranceClear", true, "dry", true, "manualDoorRelease", true, "backupPowerCharged", true,
                "extinguisherPresent", true));
        checklist.put("inspectedOn", clock.today().minusDays(91).toString());
        keeper(town).body(checklist).post("/api/warehouse/warehouses/" + warehouse + "/facility-inspections").then()
                .statusCode(422).body("errors[0].field", equalTo("inspectedOn"))
                .body("errors[0].message", equalTo("早于允许补录的期限（默认只能补录 90 天内发生的事）"));
        checklist.put("inspectedOn", clock.today().minusDays(89).toString());
        keeper(town).body(checklist).post("/api/warehouse/warehouses/" + warehouse + "/facility-inspections").then()
                .statusCode(201);
    }

    @Test
    void apiAnswersAreNeverCached() {
        String town = newTownship();
        keeper(town).get("/api/warehouse/warehouses").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/api/warehouse/warehouses").then().statusCode(401).header("Cache-Control", "no-store");
    }

    /** A token signed with the trusted test key, with the claims given. */
    private static String signed(String subject, Object division, Set<String> roles, Duration lifetime) {
        try {
            Instant now = Instant.now();
            var builder = Jwt.issuer(Tokens.ISSUER).subject(subject).claim("name", subject).groups(roles)
                    .issuedAt(now).expiresAt(now.plus(lifetime));
            if (division != null) {
                builder.claim("division", division);
            }
            return builder.jws().keyId("beiqin-test").sign(KeyUtils.readPrivateKey("beiqin-test/jwt-private.pem"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
