package org.beiqin.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.testing.KafkaTestResource;
import org.beiqin.testing.PostgresTestResource;
import org.beiqin.testing.ServiceTestBase;
import org.beiqin.testing.TopicWriter;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.path.json.JsonPath;

/**
 * One Quarkus boot, one throw-away database and one in-process broker for the module's tests.
 * Each test works in townships of its own; findings are read off {@code preparedness.discrepancies}
 * and stock movements are written to {@code warehouse.movements} as the warehouse service writes them.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
public abstract class DrillTestBase extends ServiceTestBase {

    protected TopicWriter movements;

    @BeforeEach
    void openTopics() {
        movements = perTest(new TopicWriter());
    }

    /** A flood drill plan as notice 002 describes one; {@code threeOutages} adds the 三断 scenario. */
    protected static Map<String, Object> plan(String township, String title, boolean threeOutages,
            List<Map<String, Object>> supplies) {
        return Map.ofEntries(Map.entry("division", township), Map.entry("title", title),
                Map.entry("organisingUnit", "乔楼镇人民政府"), Map.entry("kind", "FULL_SCALE"),
                Map.entry("announced", false), Map.entry("hazard", "FLOOD"), Map.entry("networkOutage", threeOutages),
                Map.entry("powerOutage", threeOutages), Map.entry("roadCut", threeOutages),
                Map.entry("objectives", List.of("30 分钟内转移低洼区群众", "启用应急物资并恢复通信")),
                Map.entry("scheduledOn", "2026-05-20"), Map.entry("place", "乔楼镇沈洼村"),
                Map.entry("units", List.of(
                        Map.of("name", "乔楼镇应急办", "contact", "李主任", "phone", "0371-64660001"),
                        Map.of("name", "沈洼村委会", "contact", "王支书", "phone", "13800000001"))),
                Map.entry("participants", List.of(
                        Map.of("name", "张强", "unit", "乔楼镇应急办", "role", "现场指挥"),
                        Map.of("name", "赵磊", "unit", "沈洼村委会", "role", "转移群众"))),
                Map.entry("supplies", supplies));
    }

    protected static Map<String, Object> supply(String warehouseId, String itemId, String name, int quantity) {
        return Map.of("warehouseId", warehouseId, "itemId", itemId, "itemName", name, "quantity", quantity, "unit", "件");
    }

    protected static String create(String township, Map<String, Object> plan) {
        return keeper(township).body(plan).post("/api/drills").then().statusCode(201).extract().path("id");
    }

    protected static JsonPath drill(String township, String id) {
        return keeper(township).get("/api/drills/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** A drill approved, then held now (by the test clock) for two hours. */
    protected String heldDrill(String township, Map<String, Object> plan) {
        String id = create(township, plan);
        keeper(township).post("/api/drills/" + id + "/approval").then().statusCode(200);
        Instant start = clock.instant();
        clock.advance(Duration.ofHours(2));
        keeper(township).body(Map.of("actualStart", start.toString(), "actualEnd", clock.instant().toString(),
                "tookPart", List.of("张强", "赵磊"))).post("/api/drills/" + id + "/conduct").then().statusCode(200);
        return id;
    }

    /** Writes an issue movement referencing the drill, as the warehouse service publishes it. */
    protected String issueForDrill(String township, String drillId, String warehouseId, String itemId, int quantity) {
        Map<String, Object> data = issueData(township, drillId, warehouseId, itemId, quantity);
        movements.event(Topics.WAREHOUSE_MOVEMENTS, itemId, "/warehouse-service", EventTypes.STOCK_MOVED,
                clock.instant(), EventTypes.STOCK_MOVED_SCHEMA, data);
        return (String) data.get("movementId");
    }

    /** The data of an issue movement referencing the drill, as the warehouse service writes it. */
    protected Map<String, Object> issueData(String township, String drillId, String warehouseId, String itemId,
            int quantity) {
        String movementId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("movementId", movementId);
        data.put("type", "ISSUE");
        data.put("division", township);
        data.put("warehouseId", warehouseId);
        data.put("itemId", itemId);
        data.put("itemName", "救生衣");
        data.put("quantity", quantity);
        data.put("delta", -quantity);
        data.put("unit", "件");
        data.put("reference", Map.of("type", "drill", "id", drillId));
        data.put("actor", "keeper");
        data.put("occurredAt", clock.instant().toString());
        data.put("recordedAt", clock.instant().toString());
        return data;
    }

    protected static void sweep() {
        county().post("/api/drills/sweep").then().statusCode(200);
    }
}
