package org.beiqin.warehouse;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * "What needs attention" names the loans due back and the lots expiring within the horizon the
 * reader asks for, overdue ones included, and nothing that falls due later or is gone.
 */
@QuarkusTest
class AttentionTest extends WarehouseTestBase {

    @Test
    void loansAndLotsAppearOnceTheyFallWithinTheHorizonAndOverdueOnesStay() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "广武镇应急物资仓库");
        String phone = createItem(town, "卫星电话", "FLOOD", "EQUIPMENT", "部");
        receive(town, warehouse, phone, 10).statusCode(201);
        String dueSoon = issue(town, warehouse, phone, "王建国", clock.today().plusDays(3).toString());
        issue(town, warehouse, phone, "李桂兰", clock.today().plusDays(20).toString());
        issue(town, warehouse, phone, "张卫东", null);
        String onTheEdge = issue(town, warehouse, phone, "陈志强", clock.today().plusDays(9).toString());
        String overdue = issue(town, warehouse, phone, "赵红梅", clock.today().plusDays(1).toString());
        String water = createItem(town, "矿泉水", "RELIEF", "WATER", "箱");
        receiveLot(town, warehouse, water, "过期批", clock.today().minusDays(2).toString(), 5);
        receiveLot(town, warehouse, water, "今日批", clock.today().plusDays(2).toString(), 5);
        receiveLot(town, warehouse, water, "七日批", clock.today().plusDays(9).toString(), 5);
        receiveLot(town, warehouse, water, "十日批", clock.today().plusDays(10).toString(), 5);
        receiveLot(town, warehouse, water, "百日批", clock.today().plusDays(100).toString(), 5);
        receiveLot(town, warehouse, water, "已报废批", clock.today().plusDays(1).toString(), 3);
        keeper(town).body(Map.of("itemId", water, "lot", "已报废批", "quantity", 3, "reason", "包装破损报废"))
                .post("/api/warehouse/warehouses/" + warehouse + "/scraps").then().statusCode(201);
        clock.advance(Duration.ofDays(2));

        // this week: 赵红梅's phone a day overdue, 王建国's due tomorrow, 陈志强's on the horizon's
        // last day; a lot expired four days ago, one expiring today and one on the horizon's last day
        attention(town, warehouse, 7).body("findAll { it.kind == 'loan.dueBack' }.label",
                        contains("卫星电话 → 赵红梅", "卫星电话 → 王建国", "卫星电话 → 陈志强"))
                .body("findAll { it.kind == 'loan.dueBack' }.daysOverdue", contains(1, -1, -7))
                .body("findAll { it.kind == 'loan.dueBack' }.subjectId", contains(overdue, dueSoon, onTheEdge))
                .body("findAll { it.kind == 'lot.expiry' }.label",
                        contains("矿泉水 批次过期批", "矿泉水 批次今日批", "矿泉水 批次七日批"))
                .body("findAll { it.kind == 'lot.expiry' }.daysOverdue", contains(4, 0, -7));
        // a wider horizon reaches the lot in eight days and the phone due in eighteen
        attention(town, warehouse, 30).body("findAll { it.kind == 'loan.dueBack' }.label", contains(
                        "卫星电话 → 赵红梅", "卫星电话 → 王建国", "卫星电话 → 陈志强", "卫星电话 → 李桂兰"))
                .body("findAll { it.kind == 'lot.expiry' }.label",
                        contains("矿泉水 批次过期批", "矿泉水 批次今日批", "矿泉水 批次七日批", "矿泉水 批次十日批"));
        // today only: what is overdue or due today, nothing that is still ahead
        attention(town, warehouse, 0).body("findAll { it.kind == 'loan.dueBack' }.label", contains("卫星电话 → 赵红梅"))
                .body("findAll { it.kind == 'lot.expiry' }.label", contains("矿泉水 批次过期批", "矿泉水 批次今日批"));

        // the county office sees the same; a sibling township's keeper and a foreign county see none of it
        as(Tokens.countyOffice("410182")).get("/api/warehouse/attention?division=" + town + "&days=7")
                .then().statusCode(200).body("findAll { it.kind == 'loan.dueBack' }.label",
                        contains("卫星电话 → 赵红梅", "卫星电话 → 王建国", "卫星电话 → 陈志强"));
        keeper(newTownship()).get("/api/warehouse/attention?days=30").then().statusCode(200)
                .body("findAll { it.warehouseId == '" + warehouse + "' }", empty());
        as(Tokens.countyOffice("410183")).get("/api/warehouse/attention?days=30").then().statusCode(200)
                .body("findAll { it.warehouseId == '" + warehouse + "' }", empty());
    }

    private static ValidatableResponse attention(String town, String warehouse, int days) {
        return keeper(town).get("/api/warehouse/attention?warehouseId=" + warehouse + "&days=" + days)
                .then().statusCode(200);
    }

    private static String issue(String town, String warehouse, String item, String recipient, String dueBack) {
        Map<String, Object> body = dueBack == null ? Map.of("itemId", item, "quantity", 1, "recipientName", recipient)
                : Map.of("itemId", item, "quantity", 1, "recipientName", recipient, "dueBack", dueBack);
        return keeper(town).body(body).post("/api/warehouse/warehouses/" + warehouse + "/issues")
                .then().statusCode(201).extract().path("id");
    }

    private static void receiveLot(String town, String warehouse, String item, String lot, String expiresOn,
            int quantity) {
        keeper(town).body(Map.of("itemId", item, "lot", lot, "expiresOn", expiresOn, "quantity", quantity))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201);
    }
}
