package org.beiqin.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;

import io.quarkus.test.junit.QuarkusTest;

/** Deadlines, day by day: a reminder before, one high-severity escalation after, nothing for long-term items. */
@QuarkusTest
class EscalationTest extends RectificationTestBase {

    private String openItem(String town, String subject, String severity) {
        Discrepancy finding = finding(town, "CHARGE_CHECK_OVERDUE", severity, subject, clock.instant());
        sendOpened(finding);
        return awaitItem(town, finding.key(), d -> true).getString("item.id");
    }

    private static void sweep() {
        county().post("/api/rectification/escalation").then().statusCode(200);
    }

    private static List<Object> kinds(String town) {
        return alerts(town).stream().map(a -> a.get("kind")).toList();
    }

    @Test
    void anItemIsRemindedBeforeItsDeadlineAndEscalatedOnceAfterIt() {
        String town = newTownship();
        String id = openItem(town, "R-1", "medium");
        LocalDate deadline = clock.today().plusDays(15);

        clock.advanceDays(11); // four days before
        sweep();
        assertThat(kinds(town)).containsExactly("OPENED");

        clock.advanceDays(1); // three days before: the reminder
        sweep();
        sweep();
        List<Map<String, Object>> alerts = alerts(town);
        assertThat(alerts).extracting(a -> a.get("kind")).containsExactly("ITEM_DUE_SOON", "OPENED");
        assertThat(alerts.get(0)).containsEntry("severity", "low")
                .containsEntry("title", "整改将于 " + deadline + " 到期：灭火器年检已逾期 R-1");

        clock.advanceDays(3); // the deadline itself is still in time
        sweep();
        assertThat(kinds(town)).hasSize(2);

        clock.advanceDays(1); // the day after: escalated, once
        sweep();
        sweep();
        alerts = alerts(town);
        assertThat(alerts).extracting(a -> a.get("kind")).containsExactly("ITEM_OVERDUE", "ITEM_DUE_SOON", "OPENED");
        assertThat(alerts.get(0)).containsEntry("severity", "high");
        assertThat(item(id).getBoolean("item.overdue")).isTrue();
        assertThat(item(id).getList("history.kind")).containsSequence("REMINDED", "ESCALATED");
        assertThat(county().queryParam("division", town).queryParam("overdue", true).get("/api/rectification/items")
                .then().statusCode(200).extract().jsonPath().getList("items.id")).containsExactly(id);

        // a new deadline is chased afresh
        int version = item(id).getInt("item.version");
        county().body(Map.of("deadline", clock.today().plusDays(5).toString(), "version", version))
                .put("/api/rectification/items/" + id + "/plan").then().statusCode(200);
        clock.advanceDays(6);
        sweep();
        assertThat(kinds(town)).filteredOn("ITEM_OVERDUE"::equals).hasSize(2);
    }

    @Test
    void longTermAndCompletedItemsAreNotChasedButTheirOpenMeasuresAre() {
        String town = newTownship();
        String longTerm = openItem(town, "R-2", "high");
        String completed = openItem(town, "R-3", "high");
        county().body(Map.of("status", "LONG_TERM", "version", 0))
                .post("/api/rectification/items/" + longTerm + "/status").then().statusCode(200);
        county().body(Map.of("status", "COMPLETED", "evidence", "已核实", "version", 0))
                .post("/api/rectification/items/" + completed + "/status").then().statusCode(200);
        county().body(Map.of("description", "配备备用电源并每月充电检查", "owner", "李保管",
                "deadline", clock.today().plusDays(2).toString()))
                .post("/api/rectification/items/" + longTerm + "/measures").then().statusCode(201);
        county().body(Map.of("description", "已完成事项的遗留措施", "owner", "李保管",
                "deadline", clock.today().plusDays(2).toString()))
                .post("/api/rectification/items/" + completed + "/measures").then().statusCode(201);

        clock.advanceDays(30);
        sweep();
        List<Map<String, Object>> alerts = alerts(town);
        assertThat(alerts).extracting(a -> a.get("kind"))
                .containsExactlyInAnyOrder("OPENED", "OPENED", "MEASURE_OVERDUE");
        Map<String, Object> overdue = alerts.stream().filter(a -> "MEASURE_OVERDUE".equals(a.get("kind"))).findFirst()
                .orElseThrow();
        assertThat(overdue).containsEntry("severity", "high").containsEntry("itemId", longTerm);
        assertThat(overdue.get("title").toString()).startsWith("整改措施“配备备用电源并每月充电检查”已逾期");
    }
}
