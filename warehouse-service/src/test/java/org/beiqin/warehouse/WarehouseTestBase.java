package org.beiqin.warehouse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import org.beiqin.contract.Topics;
import org.beiqin.testing.KafkaTestResource;
import org.beiqin.testing.PostgresTestResource;
import org.beiqin.testing.ServiceTestBase;
import org.beiqin.testing.TopicReader;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.response.ValidatableResponse;

/**
 * Every test class of this module shares one Quarkus boot, one throw-away PostgreSQL database and
 * one in-process Kafka broker. Each test works in townships of its own (fresh division codes), so
 * tests do not see each other's records or findings.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
public abstract class WarehouseTestBase extends ServiceTestBase {

    protected TopicReader movements;

    @BeforeEach
    void openReaders() {
        movements = perTest(new TopicReader(Topics.WAREHOUSE_MOVEMENTS));
    }

    protected static String createWarehouse(String township, String name) {
        return keeper(township).body(Map.of("division", township, "name", name, "floor", 1))
                .post("/api/warehouse/warehouses").then().statusCode(201).extract().path("id");
    }

    protected static String zone(String township, String warehouseId, String category) {
        List<Map<String, Object>> zones = keeper(township).get("/api/warehouse/warehouses/" + warehouseId).then()
                .statusCode(200).extract().path("zones");
        return zones.stream().filter(z -> category.equals(z.get("category"))).findFirst().orElseThrow().get("id")
                .toString();
    }

    protected static String createItem(String township, String name, String category, String kind, String unit) {
        return keeper(township).body(Map.of("division", township, "name", name, "category", category, "kind", kind,
                "specification", "标准", "unit", unit, "attributes", Map.of("batteryType", "锂电池")))
                .post("/api/warehouse/items").then().statusCode(201).extract().path("id");
    }

    protected static ValidatableResponse receive(String township, String warehouseId, String itemId, Object quantity) {
        return keeper(township).body(Map.of("itemId", itemId, "quantity", quantity))
                .post("/api/warehouse/warehouses/" + warehouseId + "/receipts").then();
    }

    protected static BigDecimal balance(String township, String warehouseId, String itemId) {
        List<Map<String, Object>> rows = keeper(township).get("/api/warehouse/warehouses/" + warehouseId
                + "/stock?itemId=" + itemId).then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().map(r -> new BigDecimal(r.get("quantity").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
