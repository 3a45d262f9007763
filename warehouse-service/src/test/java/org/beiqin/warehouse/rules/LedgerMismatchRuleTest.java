package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LedgerMismatchRuleTest extends RuleTestBase {

    @Test
    void aCountBelowTheLedgerOpensAMismatchAndTheApprovedCorrectionResolvesIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String shovel = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        String flood = zone(town, warehouse, "FLOOD");
        receive(town, warehouse, shovel, 20).statusCode(201);

        String stocktake = keeper(town).body(Map.of("note", "月度盘点"))
                .post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then().statusCode(201)
                .extract().path("id");
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", shovel, "zoneId", flood, "counted", 18))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200)
                .body("lines", hasSize(1));
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("differences", equalTo(1))
                .body("lines[0].ledger", equalTo(20)).body("lines[0].difference", equalTo(-2));
        // the warehouse's own list of counts says the same, with its name
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then().statusCode(200)
                .body("[0].differences", equalTo(1)).body("[0].warehouseName", equalTo("乔楼镇应急物资仓库"));

        Discrepancy opened = awaitOpened("LEDGER_MISMATCH", warehouse, shovel);
        assertThat(opened.severity()).isEqualTo("high");
        assertThat(opened.division()).isEqualTo(town);
        assertThat(opened.summary().zh()).contains("盘亏 2把");
        assertThat(opened.evidence()).containsEntry("difference", "-2").containsEntry("ledger", "20");

        // a keeper cannot approve their own difference; the county office does
        keeper(town).body(Map.of("reason", "核实")).post("/api/warehouse/stocktakes/" + stocktake + "/reconciliation")
                .then().statusCode(403);
        String correction = as(Tokens.countyOffice("410182")).body(Map.of("reason", "经核实，2 把在抢险中损耗"))
                .post("/api/warehouse/stocktakes/" + stocktake + "/reconciliation").then().statusCode(201)
                .body("[0].type", equalTo("STOCKTAKE_CORRECTION")).body("[0].delta", equalTo(-2))
                .extract().path("[0].id");

        Discrepancy resolved = awaitResolved("LEDGER_MISMATCH", warehouse, shovel);
        assertThat(resolved.key()).isEqualTo(opened.key());
        assertThat(resolved.resolution().evidence()).containsEntry("movementId", correction);
        assertThat(balance(town, warehouse, shovel)).isEqualByComparingTo("18");
    }

    @Test
    void aWholeCountIsApprovedAtOnceOrNotAtAllWhenALineNoLongerHasTheStockToTakeOff() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String flood = zone(town, warehouse, "FLOOD");
        String shovel = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        String bags = createItem(town, "编织袋", "FLOOD", "EQUIPMENT", "条");
        String rope = createItem(town, "救生绳", "FLOOD", "EQUIPMENT", "根");
        receive(town, warehouse, shovel, 20).statusCode(201);
        receive(town, warehouse, bags, 100).statusCode(201);
        receive(town, warehouse, rope, 10).statusCode(201);
        String stocktake = keeper(town).post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then()
                .statusCode(201).extract().path("id");
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", shovel, "zoneId", flood, "counted", 18),
                Map.of("itemId", bags, "zoneId", flood, "counted", 105),
                Map.of("itemId", rope, "zoneId", flood, "counted", 10))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200)
                .body("differences", equalTo(2));
        awaitOpened("LEDGER_MISMATCH", warehouse, shovel);
        awaitOpened("LEDGER_MISMATCH", warehouse, bags);

        // after the count, 19 shovels went out: taking 2 off would leave fewer than none
        keeper(town).body(Map.of("itemId", shovel, "quantity", 19, "recipientName", "抢险队"))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201);
        String approve = "/api/warehouse/stocktakes/" + stocktake + "/reconciliation";
        as(Tokens.countyOffice("410182")).body(Map.of("reason", "经核实")).post(approve).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:beiqin:problem:insufficient-stock-of"))
                .body("detail", equalTo("“铁锨”现有 1，需要减少 2；整批未记账。"));
        // nothing of the batch was posted: the surplus of bags neither, and the count still waits
        assertThat(balance(town, warehouse, bags)).isEqualByComparingTo("100");
        assertThat(balance(town, warehouse, shovel)).isEqualByComparingTo("1");
        keeper(town).get("/api/warehouse/stocktakes/" + stocktake).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));

        // the shovels come back; now the one approval posts every difference
        keeper(town).body(Map.of("itemId", shovel, "zoneId", flood, "quantity", 19))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201);
        List<Map<String, Object>> posted = as(Tokens.countyOffice("410182")).body(Map.of("reason", "经核实"))
                .post(approve).then().statusCode(201).body("", hasSize(2))
                .body("type", everyItem(equalTo("STOCKTAKE_CORRECTION")))
                .body("seq", everyItem(notNullValue())).extract().jsonPath().getList("$");
        assertThat(posted).extracting(m -> m.get("itemId") + " " + m.get("delta"))
                .containsExactlyInAnyOrder(shovel + " -2", bags + " 5");
        assertThat(balance(town, warehouse, shovel)).isEqualByComparingTo("18");
        assertThat(balance(town, warehouse, bags)).isEqualByComparingTo("105");
        assertThat(balance(town, warehouse, rope)).isEqualByComparingTo("10");
        assertThat(awaitResolved("LEDGER_MISMATCH", warehouse, shovel).resolution().reason().zh())
                .isEqualTo("盘点差异已审批并更正入账");
        assertThat(awaitResolved("LEDGER_MISMATCH", warehouse, bags).resolution().evidence())
                .containsEntry("stocktakeId", stocktake);
        keeper(town).get("/api/warehouse/stocktakes/" + stocktake).then().statusCode(200)
                .body("status", equalTo("RECONCILED"));
    }

    @Test
    void theCountySeesSubmittedCountsAndSendsOneBackWithItsReason() {
        String town = newTownship();
        String sibling = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String shovel = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        String flood = zone(town, warehouse, "FLOOD");
        receive(town, warehouse, shovel, 20).statusCode(201);
        String stocktake = keeper(town).post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then()
                .statusCode(201).extract().path("id");
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", shovel, "zoneId", flood, "counted", 17))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200);

        // the county office lists what waits for it, with the warehouse's name and the number of differences
        List<Map<String, Object>> waiting = as(Tokens.countyOffice("410182")).queryParam("division", town)
                .get("/api/warehouse/stocktakes").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(waiting).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("id", stocktake).containsEntry("warehouseName", "乔楼镇应急物资仓库")
                    .containsEntry("differences", 1).containsEntry("status", "SUBMITTED");
        });
        // a sibling township's keeper sees none of it
        assertThat(keeper(sibling).get("/api/warehouse/stocktakes").then().statusCode(200).extract().jsonPath()
                .getList("$")).isEmpty();

        // a keeper cannot send back (or approve) his own count, nor can another county; a reason is required
        keeper(town).body(Map.of("reason", "重点")).post("/api/warehouse/stocktakes/" + stocktake + "/sent-back")
                .then().statusCode(403);
        as(Tokens.countyOffice("410183")).body(Map.of("reason", "重点"))
                .post("/api/warehouse/stocktakes/" + stocktake + "/sent-back").then().statusCode(404);
        as(Tokens.countyOffice("410182")).queryParam("status", "OPEN,SUBMITTED").get("/api/warehouse/stocktakes").then()
                .statusCode(422).contentType("application/problem+json");
        as(Tokens.countyOffice("410182")).body(Map.of("reason", " "))
                .post("/api/warehouse/stocktakes/" + stocktake + "/sent-back").then().statusCode(422)
                .contentType("application/problem+json");
        as(Tokens.countyOffice("410182")).body(Map.of("reason", "铁锨请按存放区逐一复点"))
                .post("/api/warehouse/stocktakes/" + stocktake + "/sent-back").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("sentBack.reason", equalTo("铁锨请按存放区逐一复点"));
        // the keeper reads why, and recounts blind: the book quantity is off the line again
        keeper(town).get("/api/warehouse/stocktakes/" + stocktake).then().statusCode(200)
                .body("sentBack.reason", equalTo("铁锨请按存放区逐一复点"))
                .body("lines[0].counted", equalTo(17)).body("lines[0].ledger", nullValue())
                .body("lines[0].difference", nullValue());
        assertThat(balance(town, warehouse, shovel)).isEqualByComparingTo("20");
        as(Tokens.countyOffice("410182")).body(Map.of("reason", "again"))
                .post("/api/warehouse/stocktakes/" + stocktake + "/sent-back").then().statusCode(409);
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", shovel, "zoneId", flood, "counted", 20))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200)
                .body("differences", equalTo(0));
    }

    @Test
    void aLaterCountThatMatchesResolvesTheMismatchAndNothingFiresTwice() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "高山镇竹川村储备点");
        String boots = createItem(town, "胶鞋", "FLOOD", "PERSONAL_KIT", "双");
        String flood = zone(town, warehouse, "FLOOD");
        receive(town, warehouse, boots, 31).statusCode(201);

        for (int counted : new int[] {30, 30}) {
            String stocktake = keeper(town).post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then()
                    .statusCode(201).extract().path("id");
            keeper(town).body(Map.of("lines", List.of(Map.of("itemId", boots, "zoneId", flood, "counted", counted))))
                    .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
            keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200);
        }
        awaitOpened("LEDGER_MISMATCH", warehouse, boots);
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "LEDGER_MISMATCH", warehouse, boots))
                .as("the same mismatch counted twice is one episode").isEqualTo(1);

        String recount = keeper(town).post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then()
                .statusCode(201).extract().path("id");
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", boots, "zoneId", flood, "counted", 31))))
                .put("/api/warehouse/stocktakes/" + recount + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + recount + "/submit").then().statusCode(200)
                .body("differences", equalTo(0));
        Discrepancy resolved = awaitResolved("LEDGER_MISMATCH", warehouse, boots);
        assertThat(resolved.resolution().reason().zh()).contains("相符");
    }

    @Test
    void aSubmittedStocktakeTakesNoMoreCounts() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String item = createItem(town, "雨衣", "FLOOD", "PERSONAL_KIT", "件");
        String flood = zone(town, warehouse, "FLOOD");
        String stocktake = keeper(town).post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then()
                .statusCode(201).extract().path("id");
        keeper(town).post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:stocktake-already-open"));
        // the console finds the open one again from the warehouse (a phone that lost its state)
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/stocktakes?status=OPEN").then().statusCode(200)
                .body("id", equalTo(List.of(stocktake)));
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(422)
                .body("type", equalTo("urn:beiqin:problem:stocktake-empty"));
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", item, "zoneId", flood, "counted", 0))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200);
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/stocktakes?status=OPEN").then().statusCode(200)
                .body("$", hasSize(0));
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then().statusCode(200)
                .body("status", equalTo(List.of("SUBMITTED")));
        keeper(town).get("/api/warehouse/warehouses/" + warehouse + "/stocktakes?status=LOST").then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", item, "zoneId", flood, "counted", 5))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:stocktake-status"));
    }

    @Test
    void approvedAdjustmentsMakeUpTheDifferenceStepByStepAndAReversalReopensIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急物资仓库");
        String vests = createItem(town, "救生衣", "FLOOD", "EQUIPMENT", "件");
        String whistles = createItem(town, "口哨", "FLOOD", "EQUIPMENT", "个");
        String flood = zone(town, warehouse, "FLOOD");
        receive(town, warehouse, vests, 10).statusCode(201);
        receive(town, warehouse, whistles, 5).statusCode(201);
        String stocktake = keeper(town).post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then()
                .statusCode(201).extract().path("id");
        keeper(town).body(Map.of("lines", List.of(Map.of("itemId", vests, "zoneId", flood, "counted", 6),
                Map.of("itemId", whistles, "zoneId", flood, "counted", 0))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200)
                .body("differences", equalTo(2));

        // both differences name their stocktake, so the county's ledger keeps them as one item with lines
        Discrepancy vestLine = awaitOpened("LEDGER_MISMATCH", warehouse, vests);
        Discrepancy whistleLine = awaitOpened("LEDGER_MISMATCH", warehouse, whistles);
        assertThat(vestLine.source()).isEqualTo(whistleLine.source());
        assertThat(vestLine.source().type()).isEqualTo("stocktake");
        assertThat(vestLine.source().id()).isEqualTo(stocktake);
        assertThat(vestLine.source().label()).startsWith("乔楼镇应急物资仓库 ").endsWith("日盘点");

        // a keeper's adjustment does not count until the county approves it
        String keeperAdjustment = keeper(town).body(Map.of("itemId", vests, "zoneId", flood, "delta", -1,
                "reason", "复核少 1 件")).post("/api/warehouse/warehouses/" + warehouse + "/adjustments").then()
                .statusCode(201).extract().path("id");
        assertThat(countEvents(EventTypes.DISCREPANCY_UPDATED, "LEDGER_MISMATCH", warehouse, vests)).isZero();
        as(Tokens.countyOffice("410182")).body(Map.of("note", "已核实"))
                .post("/api/warehouse/movements/" + keeperAdjustment + "/approval").then().statusCode(200);
        Discrepancy partly = awaitUpdated("LEDGER_MISMATCH", "尚差 3件", warehouse, vests);
        assertThat(partly.summary().zh()).contains("盘亏 4件").contains("已审批调整 -1件");
        assertThat(partly.evidence()).containsEntry("remaining", "-3");

        // the county's administrator posts the rest directly: the book now says what the shelf holds
        String rest = as(Tokens.token("admin-410182", "荥阳市管理员", "410182", Set.of("admin"))).body(Map.of("itemId", vests, "zoneId", flood, "delta", -3,
                "reason", "盘亏核实后调整")).post("/api/warehouse/warehouses/" + warehouse + "/adjustments").then()
                .statusCode(201).extract().path("id");
        Discrepancy resolved = awaitResolved("LEDGER_MISMATCH", warehouse, vests);
        assertThat(resolved.resolution().reason().zh()).contains("经审批的调整已补齐");
        assertThat(balance(town, warehouse, vests)).isEqualByComparingTo("6");
        assertThat(countEvents(EventTypes.DISCREPANCY_RESOLVED, "LEDGER_MISMATCH", warehouse, whistles))
                .as("the other line stays open").isZero();

        // the county takes its adjustment back: the difference stands again
        as(Tokens.countyOffice("410182")).body(Map.of("reason", "调整有误"))
                .post("/api/warehouse/movements/" + rest + "/reversal").then().statusCode(201);
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "LEDGER_MISMATCH", warehouse, vests))
                .as("opened once for the first episode, once again after the reversal").isEqualTo(2);

        // the county approves the stocktake: what the approved adjustment already posted is not posted again
        as(Tokens.countyOffice("410182")).body(Map.of("reason", "按实盘数入账"))
                .post("/api/warehouse/stocktakes/" + stocktake + "/reconciliation").then().statusCode(201);
        assertThat(balance(town, warehouse, vests)).as("the shelf's 6, not 10 - 1 - 4").isEqualByComparingTo("6");
        assertThat(balance(town, warehouse, whistles)).isEqualByComparingTo("0");
        awaitResolved("LEDGER_MISMATCH", warehouse, whistles);
        assertThat(countEvents(EventTypes.DISCREPANCY_RESOLVED, "LEDGER_MISMATCH", warehouse, vests)).isEqualTo(2);

        // a later approved change of a settled line is the county's own decision, not a new mismatch
        as(Tokens.token("admin-410182", "荥阳市管理员", "410182", Set.of("admin"))).body(Map.of("itemId", vests,
                "zoneId", flood, "delta", 2, "reason", "上级调拨补充")).post("/api/warehouse/warehouses/" + warehouse
                + "/adjustments").then().statusCode(201);
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "LEDGER_MISMATCH", warehouse, vests)).isEqualTo(2);
    }
}
