package org.beiqin.warehouse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SecurityTest extends WarehouseTestBase {

    @Test
    void nothingAnswersWithoutAValidTokenButHealth() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        given().get("/api/warehouse/warehouses").then().statusCode(401);
        given().contentType("application/json").body(Map.of("division", town, "name", "x"))
                .post("/api/warehouse/warehouses").then().statusCode(401);
        as(Tokens.expired(town)).get("/api/warehouse/warehouses/" + warehouse).then().statusCode(401);
        as(Tokens.foreign(town)).get("/api/warehouse/warehouses/" + warehouse).then().statusCode(401);
        as(unsigned(town)).get("/api/warehouse/warehouses/" + warehouse).then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aKeeperOfOneTownshipCanNeitherSeeNorChangeAnothersWarehouse() {
        String mine = newTownship();
        String theirs = newTownship();
        String warehouse = createWarehouse(theirs, "别镇仓库");
        String item = createItem(theirs, "铁锨", "FLOOD", "EQUIPMENT", "把");
        receive(theirs, warehouse, item, 10).statusCode(201);

        keeper(mine).get("/api/warehouse/warehouses/" + warehouse).then().statusCode(404)
                .body("type", equalTo("urn:beiqin:problem:not-found"));
        keeper(mine).body(Map.of("itemId", item, "quantity", 5, "recipientName", "外人"))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(404);
        keeper(mine).body(Map.of("division", theirs, "name", "冒名仓库"))
                .post("/api/warehouse/warehouses").then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:division-forbidden"));
        keeper(mine).get("/api/warehouse/warehouses?division=" + theirs).then().statusCode(403);
        keeper(mine).get("/api/warehouse/warehouses").then().statusCode(200)
                .body("id", not(hasItem(warehouse)));
        keeper(mine).get("/api/warehouse/discrepancies?division=" + theirs).then().statusCode(403);

        assertThat(balance(theirs, warehouse, item)).isEqualByComparingTo("10");
        keeper(theirs).get("/api/warehouse/warehouses/" + warehouse + "/stock-card/" + item).then()
                .body("movements.size()", equalTo(1));
    }

    @Test
    void theCountyOfficeSeesEveryTownshipOfItsCountyAndNoOther() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "县内仓库");
        as(Tokens.countyOffice("410182")).get("/api/warehouse/warehouses").then().statusCode(200)
                .body("id", hasItem(warehouse));
        as(Tokens.countyOffice("410183")).get("/api/warehouse/warehouses/" + warehouse).then().statusCode(404);
    }

    @Test
    void aDutyOfficerHasNoBusinessInTheWarehouseLedger() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        as(Tokens.token("duty-1", "值班员", town, Set.of("duty_officer")))
                .get("/api/warehouse/warehouses/" + warehouse).then().statusCode(403)
                .body("type", equalTo("urn:beiqin:problem:forbidden"));
    }

    /** A token with {@code alg: none}: claims a keeper, carries no signature. */
    private static String unsigned(String division) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"x\",\"division\":\""
                + division + "\",\"groups\":[\"keeper\"],\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }
}
