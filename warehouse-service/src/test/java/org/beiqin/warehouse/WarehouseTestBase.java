package org.beiqin.warehouse;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.testing.KafkaTestResource;
import org.beiqin.testing.PostgresTestResource;
import org.beiqin.testing.DiscrepancyFeed;
import org.beiqin.testing.TestClock;
import org.beiqin.testing.Tokens;
import org.beiqin.testing.TopicReader;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Every test class of this module shares one Quarkus boot, one throw-away PostgreSQL database and
 * one in-process Kafka broker. Each test works in townships of its own (fresh division codes), so
 * tests do not see each other's records or findings.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
public abstract class WarehouseTestBase {

    private static final AtomicInteger TOWNSHIPS = new AtomicInteger(100);
    protected static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    protected TestClock clock;

    protected DiscrepancyFeed discrepancies;
    protected TopicReader movements;

    @BeforeEach
    void openReaders() {
        clock.reset();
        discrepancies = new DiscrepancyFeed();
        movements = new TopicReader(Topics.WAREHOUSE_MOVEMENTS);
    }

    @AfterEach
    void closeReaders() {
        discrepancies.close();
        movements.close();
        clock.reset();
    }

    /** A township code of county 410182 (荥阳市) that no other test uses. */
    protected static String newTownship() {
        return "410182" + String.format("%03d", TOWNSHIPS.incrementAndGet());
    }

    protected static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    protected static RequestSpecification keeper(String township) {
        return as(Tokens.keeper(township));
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

    protected Discrepancy awaitOpened(String rule, String... keyFragments) {
        return discrepancies.awaitOpened(rule, keyFragments);
    }

    protected Discrepancy awaitUpdated(String rule, String text, String... keyFragments) {
        return discrepancies.awaitUpdated(rule, text, keyFragments);
    }

    protected Discrepancy awaitResolved(String rule, String... keyFragments) {
        return discrepancies.awaitResolved(rule, keyFragments);
    }

    /** How many events of {@code type} for {@code rule} on keys with the fragments have been read. */
    protected long countEvents(String type, String rule, String... keyFragments) {
        return discrepancies.count(type, rule, keyFragments);
    }

    protected static String uuid() {
        return UUID.randomUUID().toString();
    }
}
