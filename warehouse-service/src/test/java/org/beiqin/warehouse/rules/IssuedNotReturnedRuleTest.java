package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IssuedNotReturnedRuleTest extends RuleTestBase {

    @Test
    void dueTodayIsFineTheDayAfterIsOverdueAndReturnPlusWriteOffEndIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "豫龙街道应急仓库");
        String torch = createItem(town, "应急手电", "FLOOD", "EQUIPMENT", "个");
        receive(town, warehouse, torch, 10).statusCode(201);
        String issue = issueTo(town, warehouse, torch, 4, "李明", clock.today().plusDays(3).toString());

        clock.advance(Duration.ofDays(3));
        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "ISSUED_NOT_RETURNED", issue))
                .as("on the due-back day nothing is overdue yet").isZero();

        clock.advance(Duration.ofDays(1));
        sweep();
        Discrepancy opened = awaitOpened("ISSUED_NOT_RETURNED", issue);
        assertThat(opened.summary().zh()).contains("李明").contains("4个")
                .contains("应于 " + clock.today().minusDays(1).getYear() + "年").contains("至今未还");
        assertThat(opened.evidence()).containsEntry("recipient", "李明").containsEntry("outstanding", "4");

        // days pass and the sweep runs again: nothing changed, so nothing is said
        clock.advance(Duration.ofDays(2));
        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_UPDATED, "ISSUED_NOT_RETURNED", issue))
                .as("a growing count of days is not news").isZero();

        keeper(town).body(Map.of("issueId", issue, "quantity", 3))
                .post("/api/warehouse/warehouses/" + warehouse + "/returns").then().statusCode(201);
        Discrepancy updated = awaitUpdated("ISSUED_NOT_RETURNED", "1个", issue);
        assertThat(updated.evidence()).containsEntry("outstanding", "1");
        assertThat(updated.detectedAt()).as("the episode still began when it was found").isEqualTo(opened.detectedAt());
        assertThat(countEvents(EventTypes.DISCREPANCY_RESOLVED, "ISSUED_NOT_RETURNED", issue))
                .as("one torch is still out").isZero();
        String writeOff = keeper(town).body(Map.of("issueId", issue, "quantity", 1, "reason", "抢险中遗失"))
                .post("/api/warehouse/warehouses/" + warehouse + "/write-offs").then().statusCode(201)
                .extract().path("id");
        Discrepancy resolved = awaitResolved("ISSUED_NOT_RETURNED", issue);
        assertThat(resolved.resolution().evidence()).containsEntry("movementId", writeOff);
        assertThat(balance(town, warehouse, torch)).isEqualByComparingTo("9");
    }

    @Test
    void anOfflineEntryRecordedAfterItsDueDateIsFlaggedTheMomentItArrives() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "京城办仓库");
        String pump = createItem(town, "抽水泵", "FLOOD", "EQUIPMENT", "台");
        receive(town, warehouse, pump, 2).statusCode(201);
        String issue = keeper(town).body(Map.of("itemId", pump, "quantity", 1, "recipientName", "张伟",
                "dueBack", clock.today().minusDays(2).toString(),
                "occurredAt", Instant.now().minus(Duration.ofDays(10)).toString()))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201)
                .extract().path("id");
        awaitOpened("ISSUED_NOT_RETURNED", issue);

        keeper(town).body(Map.of("reason", "录入错误，实未发放"))
                .post("/api/warehouse/movements/" + issue + "/reversal").then().statusCode(201);
        awaitResolved("ISSUED_NOT_RETURNED", issue);
    }
}
