package org.beiqin.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Bad input gets a clear problem+json 4xx, in Chinese unless English is asked for, and changes nothing. */
@QuarkusTest
class BadInputTest extends WarehouseTestBase {

    @Test
    void aNegativeQuantityIsRefusedInChineseByDefaultAndInEnglishOnRequest() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String item = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        receive(town, warehouse, item, 5).statusCode(201);

        keeper(town).body(Map.of("itemId", item, "quantity", -3))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:beiqin:problem:validation"))
                .body("title", equalTo("提交的内容有误"))
                .body("status", equalTo(422))
                .body("errors.field", hasItem("quantity"))
                .body("errors.message", hasItem("必须大于 0"));
        keeper(town).header("Accept-Language", "en-US,en;q=0.9").body(Map.of("itemId", item, "quantity", -3))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(422)
                .header("Content-Language", "en")
                .body("title", equalTo("The submission has errors"))
                .body("errors.message", hasItem("must be greater than 0"));
        assertThat(balance(town, warehouse, item)).isEqualByComparingTo("5");
    }

    @Test
    void hugeQuantitiesUnknownFieldsBrokenJsonAndWrongContentTypesAreAllRefused() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String item = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        String path = "/api/warehouse/warehouses/" + warehouse + "/receipts";

        keeper(town).body(Map.of("itemId", item, "quantity", new BigDecimal("1e15"))).post(path).then()
                .statusCode(422).body("errors.field", hasItem("quantity"));
        keeper(town).body(Map.of("itemId", item, "quantiy", 5)).post(path).then().statusCode(400)
                .body("type", equalTo("urn:beiqin:problem:malformed-body"))
                .body("errors.field", hasItem("quantiy"));
        keeper(town).body("{\"itemId\": ").post(path).then().statusCode(400)
                .body("type", equalTo("urn:beiqin:problem:malformed-body"));
        keeper(town).body(Map.of("itemId", "not-a-uuid", "quantity", 5)).post(path).then().statusCode(400)
                .body("errors.field", hasItem("itemId"));
        keeper(town).contentType("text/plain").body("5 把铁锨").post(path).then().statusCode(415)
                .contentType(startsWith("application/problem+json"));
        keeper(town).body(Map.of("itemId", item, "quantity", 5, "reason", "很".repeat(1_000_000))).post(path).then()
                .statusCode(422).body("errors.field", hasItem("reason"));
        keeper(town).body(Map.of("itemId", item, "quantity", 5,
                "occurredAt", Instant.now().plusSeconds(3600).toString())).post(path).then().statusCode(422)
                .body("type", equalTo("urn:beiqin:problem:occurred-in-future"));
        keeper(town).header("Idempotency-Key", "k".repeat(201)).body(Map.of("itemId", item, "quantity", 5)).post(path)
                .then().statusCode(400).body("type", equalTo("urn:beiqin:problem:idempotency-key-invalid"));

        assertThat(balance(town, warehouse, item)).isEqualByComparingTo("0");
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/stock-card/" + item).then()
                .body("movements.size()", equalTo(0));
    }

    @Test
    void aWarehouseWithAnEmptyZoneIsRefusedAndNotRegistered() {
        String town = newTownship();
        List<Object> zones = new ArrayList<>();
        zones.add(null);
        Map<String, Object> body = new HashMap<>(Map.of("division", town, "name", "空存放区仓库"));
        body.put("zones", zones);
        keeper(town).body(body).post("/api/warehouse/warehouses").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:beiqin:problem:validation"))
                .body("errors.field", hasItem(startsWith("zones")));
        keeper(town).get("/api/warehouse/warehouses?division=" + town).then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void anUnknownAddressIsAProblemToo() {
        keeper(newTownship()).get("/api/warehouse/nothing-here").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
