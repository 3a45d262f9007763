package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.EventTypes;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The rest of the README's "resolved by" and "updated while open" paths: every write that makes a
 * finding's condition stop holding ends it, and every write that changes its facts restates it.
 */
@QuarkusTest
class MorePathsTest extends RuleTestBase {

    private static final String COUNTY_ADMIN = Tokens.token("admin-410182", "荥阳市管理员", "410182", Set.of("admin"));

    @Test
    void aMismatchRestatedByARecountEndedByAKeepersApprovedAdjustmentAndReopenedWhenTheCorrectionIsReversed() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String shovels = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        String ropes = createItem(town, "救生绳", "FLOOD", "EQUIPMENT", "根");
        String flood = zone(town, warehouse, "FLOOD");
        receive(town, warehouse, shovels, 20).statusCode(201);
        receive(town, warehouse, ropes, 10).statusCode(201);

        submitCount(town, warehouse, Map.of(shovels, 18), flood);
        awaitOpened("LEDGER_MISMATCH", warehouse, shovels);
        // counted again, another difference: the open finding says what the latest count found
        submitCount(town, warehouse, Map.of(shovels, 17), flood);
        awaitUpdated("LEDGER_MISMATCH", "盘亏 3把", warehouse, shovels);
        // a keeper's adjustment, once the county approves it, posts the difference
        String adjustment = keeper(town).body(Map.of("itemId", shovels, "zoneId", flood, "delta", -3,
                "reason", "抢险损耗 3 把")).post("/api/warehouse/warehouses/" + warehouse + "/adjustments").then()
                .statusCode(201).extract().path("id");
        as(Tokens.countyOffice("410182")).body(Map.of("note", "已核实"))
                .post("/api/warehouse/movements/" + adjustment + "/approval").then().statusCode(200);
        awaitResolved("LEDGER_MISMATCH", warehouse, shovels);

        // a stocktake approved by the county, whose correction the county then takes back
        String stocktake = submitCount(town, warehouse, Map.of(ropes, 7), flood);
        awaitOpened("LEDGER_MISMATCH", warehouse, ropes);
        String correction = as(Tokens.countyOffice("410182")).body(Map.of("reason", "核实后入账"))
                .post("/api/warehouse/stocktakes/" + stocktake + "/reconciliation").then().statusCode(201)
                .extract().path("[0].id");
        awaitResolved("LEDGER_MISMATCH", warehouse, ropes);
        as(Tokens.countyOffice("410182")).body(Map.of("reason", "更正有误，重新核实"))
                .post("/api/warehouse/movements/" + correction + "/reversal").then().statusCode(201);
        await().until(() -> countEvents(EventTypes.DISCREPANCY_OPENED, "LEDGER_MISMATCH", warehouse, ropes) == 2);
    }

    @Test
    void aCountIsNotApprovedWhileAKeepersAdjustmentOfTheSameLineWaitsForTheCounty() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String shovels = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        String flood = zone(town, warehouse, "FLOOD");
        receive(town, warehouse, shovels, 20).statusCode(201);
        String stocktake = submitCount(town, warehouse, Map.of(shovels, 15), flood);
        String adjustment = keeper(town).body(Map.of("itemId", shovels, "zoneId", flood, "delta", -5,
                "reason", "复核少 5 把")).post("/api/warehouse/warehouses/" + warehouse + "/adjustments").then()
                .statusCode(201).extract().path("id");
        as(Tokens.countyOffice("410182")).body(Map.of("reason", "按实盘数入账"))
                .post("/api/warehouse/stocktakes/" + stocktake + "/reconciliation").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", Matchers.equalTo("urn:beiqin:problem:adjustment-pending"))
                .body("detail", Matchers.containsString("铁锨"));
        assertThat(balance(town, warehouse, shovels)).as("nothing posted twice").isEqualByComparingTo("15");
        as(Tokens.countyOffice("410182")).body(Map.of("note", "已核实"))
                .post("/api/warehouse/movements/" + adjustment + "/approval").then().statusCode(200);
        awaitResolved("LEDGER_MISMATCH", warehouse, shovels);
        as(Tokens.countyOffice("410182")).body(Map.of("reason", "按实盘数入账"))
                .post("/api/warehouse/stocktakes/" + stocktake + "/reconciliation").then().statusCode(201);
        assertThat(balance(town, warehouse, shovels)).isEqualByComparingTo("15");
    }

    @Test
    void aPartialWriteOffRestatesWhatIsStillOut() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "豫龙街道应急仓库");
        String torch = createItem(town, "应急手电", "FLOOD", "EQUIPMENT", "个");
        receive(town, warehouse, torch, 10).statusCode(201);
        String issue = issueTo(town, warehouse, torch, 4, "李明", clock.today().plusDays(1).toString());
        clock.advance(Duration.ofDays(2));
        sweep();
        awaitOpened("ISSUED_NOT_RETURNED", issue);
        keeper(town).body(Map.of("issueId", issue, "quantity", 1, "reason", "抢险中遗失"))
                .post("/api/warehouse/warehouses/" + warehouse + "/write-offs").then().statusCode(201);
        assertThat(awaitUpdated("ISSUED_NOT_RETURNED", "3个", issue).evidence()).containsEntry("outstanding", "3");
    }

    @Test
    void anImportedItemMissingTwoLabelsIsRestatedWhenOneIsFilled() {
        String town = newTownship();
        String item = keeper(town).body(List.of(Map.of("division", town, "name", "油桶（旧台账）", "category", "FLOOD",
                "kind", "FUEL", "unit", "桶"))).post("/api/warehouse/items/import").then().statusCode(201)
                .extract().path("[0].id");
        assertThat(awaitOpened("ITEM_UNLABELED", item).summary().zh()).contains("规格").contains("燃料类型");
        keeper(town).body(Map.of("specification", "200L")).patch("/api/warehouse/items/" + item).then()
                .statusCode(200);
        assertThat(awaitUpdated("ITEM_UNLABELED", "燃料类型", item).summary().zh()).doesNotContain("规格");
    }

    @Test
    void mixedStockEndsWhenAnIssueAnAdjustmentOrAReversalTakesItOut() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "刘河镇应急仓库");
        String fireZone = zone(town, warehouse, "FIRE");
        String[] sandbags = new String[3];
        String[] receipts = new String[3];
        for (int i = 0; i < 3; i++) {
            sandbags[i] = createItem(town, "沙袋" + i, "FLOOD", "GENERAL", "条");
            receipts[i] = keeper(town).body(Map.of("itemId", sandbags[i], "zoneId", fireZone, "quantity", 10))
                    .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201)
                    .extract().path("id");
            awaitOpened("MIXED_STORAGE", fireZone, sandbags[i]);
        }
        keeper(town).body(Map.of("itemId", sandbags[0], "zoneId", fireZone, "quantity", 10, "recipientName", "村委会"))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201);
        awaitResolved("MIXED_STORAGE", fireZone, sandbags[0]);
        as(COUNTY_ADMIN).body(Map.of("itemId", sandbags[1], "zoneId", fireZone, "delta", -10, "reason", "账外已调出"))
                .post("/api/warehouse/warehouses/" + warehouse + "/adjustments").then().statusCode(201);
        awaitResolved("MIXED_STORAGE", fireZone, sandbags[1]);
        keeper(town).body(Map.of("reason", "入错存放区")).post("/api/warehouse/movements/" + receipts[2] + "/reversal")
                .then().statusCode(201);
        awaitResolved("MIXED_STORAGE", fireZone, sandbags[2]);
    }

    @Test
    void anExpiredLotEndsWhenTransferredOutOrAdjustedAway() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "贾峪镇应急仓库");
        String other = createWarehouse(town, "贾峪镇周转库");
        String water = water(town);
        for (String lot : List.of("W-1", "W-2")) {
            keeper(town).body(Map.of("itemId", water, "lot", lot, "expiresOn", clock.today().plusDays(1).toString(),
                    "quantity", 30)).post("/api/warehouse/warehouses/" + warehouse + "/receipts").then()
                    .statusCode(201);
        }
        clock.advance(Duration.ofDays(2));
        sweep();
        awaitOpened("EXPIRED_STOCK", warehouse, water, ":W-1");
        awaitOpened("EXPIRED_STOCK", warehouse, water, ":W-2");
        keeper(town).body(Map.of("itemId", water, "lot", "W-1", "quantity", 30, "toWarehouseId", other,
                "reason", "集中销毁")).post("/api/warehouse/warehouses/" + warehouse + "/transfers").then()
                .statusCode(201);
        awaitResolved("EXPIRED_STOCK", warehouse, water, ":W-1");
        as(COUNTY_ADMIN).body(Map.of("itemId", water, "lot", "W-2", "delta", -30, "reason", "已分发未登记"))
                .post("/api/warehouse/warehouses/" + warehouse + "/adjustments").then().statusCode(201);
        awaitResolved("EXPIRED_STOCK", warehouse, water, ":W-2");
    }

    @Test
    void belowStandardEndsByAReturnATransferInOrAnAdjustmentAndFollowsItsMinimum() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "三官庙村储备点");
        String depot = createWarehouse(town, "三官庙村周转库");
        String vests = createItem(town, "救生衣", "FLOOD", "EQUIPMENT", "件");
        String boots = createItem(town, "胶鞋", "FLOOD", "EQUIPMENT", "双");
        String lamps = createItem(town, "头灯", "FLOOD", "EQUIPMENT", "个");
        receive(town, warehouse, vests, 10).statusCode(201);
        receive(town, warehouse, boots, 4).statusCode(201);
        receive(town, warehouse, lamps, 4).statusCode(201);
        receive(town, depot, boots, 20).statusCode(201);
        String issue = issueTo(town, warehouse, vests, 5, "王强", clock.today().plusDays(7).toString());
        for (String item : List.of(vests, boots, lamps)) {
            keeper(town).body(Map.of("minimum", 10)).put("/api/warehouse/warehouses/" + warehouse + "/standards/" + item)
                    .then().statusCode(204);
            awaitOpened("BELOW_STANDARD", warehouse, item);
        }
        // the minimum changes: the open finding states the new one
        keeper(town).body(Map.of("minimum", 8)).put("/api/warehouse/warehouses/" + warehouse + "/standards/" + lamps)
                .then().statusCode(204);
        awaitUpdated("BELOW_STANDARD", "配备标准 8个", warehouse, lamps);

        keeper(town).body(Map.of("issueId", issue, "quantity", 5))
                .post("/api/warehouse/warehouses/" + warehouse + "/returns").then().statusCode(201);
        awaitResolved("BELOW_STANDARD", warehouse, vests);
        keeper(town).body(Map.of("itemId", boots, "quantity", 6, "toWarehouseId", warehouse))
                .post("/api/warehouse/warehouses/" + depot + "/transfers").then().statusCode(201);
        awaitResolved("BELOW_STANDARD", warehouse, boots);
        as(COUNTY_ADMIN).body(Map.of("itemId", lamps, "delta", 4, "reason", "盘点发现账外 4 个"))
                .post("/api/warehouse/warehouses/" + warehouse + "/adjustments").then().statusCode(201);
        awaitResolved("BELOW_STANDARD", warehouse, lamps);
    }

    @Test
    void anExtinguisherSentAwayForServiceIsNoLongerOverdueAndAnotherDueScheduleRestatesIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急仓库");
        String[] fleet = new String[4];
        for (int i = 0; i < fleet.length; i++) {
            fleet[i] = keeper(town).body(Map.of("label", "干粉 #" + i, "agent", "DRY_POWDER", "capacity", "4kg",
                    "manufacturedOn", clock.today().minusYears(3).toString()))
                    .post("/api/warehouse/warehouses/" + warehouse + "/extinguishers").then().statusCode(201)
                    .extract().path("id");
            keeper(town).body(Map.of("onDate", clock.today().toString(), "sealIntact", true, "gaugeInRange", true,
                    "undamaged", true, "accessible", true))
                    .post("/api/warehouse/extinguishers/" + fleet[i] + "/monthly-checks").then().statusCode(201);
        }
        keeper(town).body(Map.of("onDate", clock.today().minusDays(300).toString(), "passed", true, "inspector", "检测站"))
                .post("/api/warehouse/extinguishers/" + fleet[1] + "/annual-inspections").then().statusCode(201);
        clock.advance(Duration.ofDays(32));
        sweep();
        awaitOpened("EXTINGUISHER_INSPECTION_OVERDUE", fleet[0]);
        awaitOpened("EXTINGUISHER_INSPECTION_OVERDUE", fleet[1]);

        keeper(town).body(Map.of("onDate", clock.today().toString(), "serviceProvider", "维修站"))
                .post("/api/warehouse/extinguishers/" + fleet[0] + "/service-sendoffs").then().statusCode(201);
        awaitResolved("EXTINGUISHER_INSPECTION_OVERDUE", fleet[0]);

        // a month later its annual inspection falls due as well: the open finding names both
        clock.advance(Duration.ofDays(40));
        sweep();
        assertThat(awaitUpdated("EXTINGUISHER_INSPECTION_OVERDUE", "年度检测", fleet[1]).summary().zh())
                .contains("月度检查");
    }

    @Test
    void anUnusableExtinguisherEndsWithAPassingCheckAndIsRestatedWhenItsScrapAgeArrives() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急仓库");
        String failed = keeper(town).body(Map.of("label", "水基 #1", "agent", "WATER", "capacity", "6L",
                "manufacturedOn", clock.today().minusYears(2).toString()))
                .post("/api/warehouse/warehouses/" + warehouse + "/extinguishers").then().statusCode(201)
                .extract().path("id");
        String old = keeper(town).body(Map.of("label", "干粉 #老", "agent", "DRY_POWDER", "capacity", "4kg",
                "manufacturedOn", clock.today().minusYears(10).plusDays(1).toString()))
                .post("/api/warehouse/warehouses/" + warehouse + "/extinguishers").then().statusCode(201)
                .extract().path("id");
        for (String id : List.of(failed, old)) {
            keeper(town).body(Map.of("onDate", clock.today().toString(), "sealIntact", true, "gaugeInRange", false,
                    "undamaged", true, "accessible", true))
                    .post("/api/warehouse/extinguishers/" + id + "/monthly-checks").then().statusCode(201);
            awaitOpened("EXTINGUISHER_EXPIRED", id);
        }
        keeper(town).body(Map.of("onDate", clock.today().toString(), "sealIntact", true, "gaugeInRange", true,
                "undamaged", true, "accessible", true))
                .post("/api/warehouse/extinguishers/" + failed + "/monthly-checks").then().statusCode(201);
        awaitResolved("EXTINGUISHER_EXPIRED", failed);

        clock.advance(Duration.ofDays(1));
        sweep();
        assertThat(awaitUpdated("EXTINGUISHER_EXPIRED", "已达报废年限", old).evidence()).containsEntry("cause", "scrapAge");
    }

    @Test
    void faultAndPostUseClocksRunFromTheFirstEventAndScrapEndsAFault() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String speaker = equipment(town, warehouse, "LOUDSPEAKER", "语音广播 #6");
        String pump = equipment(town, warehouse, "PUMP", "抽水泵 #1");
        keeper(town).body(Map.of("working", false, "notes", "喇叭无声"))
                .post("/api/warehouse/equipment/" + speaker + "/checks").then().statusCode(201);
        keeper(town).body(Map.of("reference", Map.of("type", "incident", "id", "2026-07 暴雨")))
                .post("/api/warehouse/equipment/" + pump + "/returns-from-use").then().statusCode(201);
        clock.advance(Duration.ofDays(4));
        sweep();
        awaitOpened("POST_USE_CHECK_MISSING", pump);
        // used again and back, still never checked; failing again: neither clock starts over
        keeper(town).body(Map.of("reference", Map.of("type", "incident", "id", "2026-07 内涝")))
                .post("/api/warehouse/equipment/" + pump + "/returns-from-use").then().statusCode(201);
        keeper(town).body(Map.of("working", false, "notes", "仍无声"))
                .post("/api/warehouse/equipment/" + speaker + "/checks").then().statusCode(201);
        clock.advance(Duration.ofDays(4));
        sweep();
        awaitOpened("EQUIPMENT_FAULTY", speaker);
        assertThat(countEvents(EventTypes.DISCREPANCY_RESOLVED, "POST_USE_CHECK_MISSING", pump))
                .as("a second use is not a check").isZero();

        keeper(town).body(Map.of("onDate", clock.today().toString(), "reason", "无法修复"))
                .post("/api/warehouse/equipment/" + speaker + "/scrap").then().statusCode(201);
        awaitResolved("EQUIPMENT_FAULTY", speaker);
    }

    private String submitCount(String town, String warehouse, Map<String, Integer> counted, String zone) {
        clock.advance(Duration.ofMinutes(30)); // counts are taken one after another
        String stocktake = keeper(town).post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then()
                .statusCode(201).extract().path("id");
        keeper(town).body(Map.of("lines", counted.entrySet().stream().map(e -> Map.of("itemId", e.getKey(),
                "zoneId", zone, "counted", e.getValue())).toList()))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200);
        return stocktake;
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(EVENT_TIMEOUT);
    }
}
