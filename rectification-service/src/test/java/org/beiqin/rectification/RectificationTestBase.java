package org.beiqin.rectification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.testing.KafkaTestResource;
import org.beiqin.testing.PostgresTestResource;
import org.beiqin.testing.TestClock;
import org.beiqin.testing.Tokens;
import org.beiqin.testing.TopicWriter;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * One Quarkus boot, one throw-away database and one in-process broker for every test class of the
 * module. Findings reach the service the way they do in production: as CloudEvents on
 * {@code preparedness.discrepancies}, in the contract's format. Each test works in townships of
 * its own, so tests do not see each other's items.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
public abstract class RectificationTestBase {

    private static final AtomicInteger TOWNSHIPS = new AtomicInteger(600); // above the demo townships that have names
    protected static final String COUNTY = "410182";
    protected static final Duration APPLIED = Duration.ofSeconds(30);

    @Inject
    protected TestClock clock;

    protected TopicWriter topic;

    @BeforeEach
    void openWriter() {
        clock.reset();
        topic = new TopicWriter();
    }

    @AfterEach
    void closeWriter() {
        topic.close();
        clock.reset();
    }

    /** A township code of county 410182 (荥阳市) that no other test uses. */
    protected static String newTownship() {
        return COUNTY + String.format("%03d", TOWNSHIPS.incrementAndGet());
    }

    protected static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    protected static RequestSpecification county() {
        return as(Tokens.countyOffice(COUNTY));
    }

    protected static RequestSpecification admin() {
        return as(Tokens.token("admin-1", "系统管理员", COUNTY, Set.of("admin")));
    }

    /** A finding as the warehouse service would report it. */
    protected static Discrepancy finding(String division, String rule, String severity, String subjectId,
            Instant detectedAt) {
        String key = Discrepancy.key("warehouse", division, rule, "extinguisher", subjectId);
        return new Discrepancy(key, rule, severity, division,
                new Discrepancy.Subject("extinguisher", subjectId, "乔楼镇仓库 干粉灭火器 " + subjectId),
                detectedAt, new Discrepancy.Text("灭火器年检已逾期 " + subjectId, "Inspection overdue " + subjectId),
                Map.of("dueBy", "2026-04-17"), null, null);
    }

    protected UUID sendOpened(Discrepancy finding) {
        return topic.event(Topics.DISCREPANCIES, finding.key(), "/warehouse-service", EventTypes.DISCREPANCY_OPENED,
                finding.detectedAt(), EventTypes.DISCREPANCY_SCHEMA, finding);
    }

    protected UUID sendUpdated(Discrepancy finding) {
        return topic.event(Topics.DISCREPANCIES, finding.key(), "/warehouse-service", EventTypes.DISCREPANCY_UPDATED,
                finding.detectedAt(), EventTypes.DISCREPANCY_SCHEMA, finding);
    }

    protected UUID sendResolved(Discrepancy finding, Instant resolvedAt, String reason) {
        Discrepancy resolved = finding.resolvedBy(new Discrepancy.Resolution(resolvedAt,
                new Discrepancy.Text(reason, "fixed"), Map.of("inspectedOn", resolvedAt.toString().substring(0, 10))));
        return topic.event(Topics.DISCREPANCIES, finding.key(), "/warehouse-service", EventTypes.DISCREPANCY_RESOLVED,
                resolvedAt, EventTypes.DISCREPANCY_SCHEMA, resolved);
    }

    /** The items of a division, as the county office lists them. */
    protected static List<Map<String, Object>> items(String division) {
        return county().queryParam("division", division).queryParam("size", 200).get("/api/rectification/items")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Waits until the division has {@code count} items, and returns them. */
    protected static List<Map<String, Object>> awaitItems(String division, int count) {
        return await().atMost(APPLIED).pollInterval(Duration.ofMillis(200))
                .until(() -> items(division), list -> list.size() == count);
    }

    protected static JsonPath item(String id) {
        return county().get("/api/rectification/items/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the item for {@code key} satisfies the condition, and returns its detail. */
    protected static JsonPath awaitItem(String division, String key, Predicate<JsonPath> condition) {
        return await().atMost(APPLIED).pollInterval(Duration.ofMillis(200)).until(() -> {
            return items(division).stream().filter(i -> key.equals(i.get("key"))).findFirst()
                    .map(i -> item(i.get("id").toString())).orElse(null);
        }, detail -> detail != null && condition.test(detail));
    }

    protected static List<Map<String, Object>> alerts(String division) {
        return county().queryParam("division", division).queryParam("unread", false).queryParam("size", 200)
                .get("/api/rectification/alerts").then().statusCode(200).extract().jsonPath().getList("items");
    }

    protected static String uuid() {
        return UUID.randomUUID().toString();
    }
}
