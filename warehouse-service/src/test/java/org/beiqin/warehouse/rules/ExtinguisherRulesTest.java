package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExtinguisherRulesTest extends RuleTestBase {

    private String register(String town, String warehouse, String label, String agent, String manufacturedOn) {
        return keeper(town).body(Map.of("label", label, "agent", agent, "capacity", "4kg",
                "manufacturedOn", manufacturedOn)).post("/api/warehouse/warehouses/" + warehouse + "/extinguishers")
                .then().statusCode(201).extract().path("id");
    }

    private void monthlyCheck(String town, String id, String onDate, boolean gaugeInRange) {
        keeper(town).body(Map.of("onDate", onDate, "sealIntact", true, "gaugeInRange", gaugeInRange,
                "undamaged", true, "accessible", true))
                .post("/api/warehouse/extinguishers/" + id + "/monthly-checks").then().statusCode(201);
    }

    @Test
    void aMonthlyCheckIsDueOnDay31AndOverdueOnDay32() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "乔楼镇应急仓库");
        String id = register(town, warehouse, "干粉 #01", "DRY_POWDER", clock.today().minusYears(2).toString());
        monthlyCheck(town, id, clock.today().toString(), true);

        clock.advance(Duration.ofDays(31));
        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "EXTINGUISHER_INSPECTION_OVERDUE", id)).isZero();

        clock.advance(Duration.ofDays(1));
        sweep();
        Discrepancy opened = awaitOpened("EXTINGUISHER_INSPECTION_OVERDUE", id);
        assertThat(opened.severity()).isEqualTo("high");
        assertThat(opened.summary().zh()).contains("月度检查")
                .contains("自 " + Wording.zh(clock.today()) + " 起逾期");

        monthlyCheck(town, id, clock.today().toString(), true);
        awaitResolved("EXTINGUISHER_INSPECTION_OVERDUE", id);
    }

    @Test
    void anAnnualInspectionMoreThanAYearOldIsOverdueAtOnce() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "城关乡应急仓库");
        String id = register(town, warehouse, "唯一的灭火器", "DRY_POWDER", clock.today().minusYears(3).toString());
        keeper(town).body(Map.of("onDate", clock.today().minusDays(366).toString(), "passed", true,
                "inspector", "检测站")).post("/api/warehouse/extinguishers/" + id + "/annual-inspections").then()
                .statusCode(201).body("schedule.annualInspectionDue", equalTo(clock.today().minusDays(1).toString()));
        Discrepancy opened = awaitOpened("EXTINGUISHER_INSPECTION_OVERDUE", id);
        assertThat(opened.evidence().get("overdue").toString()).contains("annualInspection");

        keeper(town).body(Map.of("onDate", clock.today().toString(), "passed", true, "inspector", "检测站"))
                .post("/api/warehouse/extinguishers/" + id + "/annual-inspections").then().statusCode(201);
        awaitResolved("EXTINGUISHER_INSPECTION_OVERDUE", id);
    }

    @Test
    void aDryPowderExtinguisherReachesItsScrapAgeOnItsTenthAnniversaryAndScrappingEndsIt() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "刘河镇应急仓库");
        String id = register(town, warehouse, "干粉 #07", "DRY_POWDER",
                clock.today().minusYears(10).plusDays(1).toString());
        monthlyCheck(town, id, clock.today().toString(), true);
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "EXTINGUISHER_EXPIRED", id)).isZero();

        clock.advance(Duration.ofDays(1));
        sweep();
        Discrepancy opened = awaitOpened("EXTINGUISHER_EXPIRED", id);
        assertThat(opened.evidence()).containsEntry("cause", "scrapAge").containsEntry("agent", "DRY_POWDER");

        keeper(town).body(Map.of("onDate", clock.today().toString(), "reason", "超过报废年限"))
                .post("/api/warehouse/extinguishers/" + id + "/scrap").then().statusCode(201)
                .body("status", equalTo("SCRAPPED"));
        awaitResolved("EXTINGUISHER_EXPIRED", id);
    }

    @Test
    void aFailedCheckMakesItUnusableUntilItComesBackFromServiceWorking() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String first = register(town, warehouse, "#1", "CO2", clock.today().minusYears(1).toString());
        for (int i = 2; i <= 4; i++) {
            register(town, warehouse, "#" + i, "CO2", clock.today().minusYears(1).toString());
        }
        monthlyCheck(town, first, clock.today().toString(), false);
        Discrepancy opened = awaitOpened("EXTINGUISHER_EXPIRED", first);
        assertThat(opened.evidence()).containsEntry("cause", "failedCheck");

        keeper(town).body(Map.of("onDate", clock.today().toString(), "serviceProvider", "维修站"))
                .post("/api/warehouse/extinguishers/" + first + "/service-sendoffs").then().statusCode(201);
        keeper(town).body(Map.of("onDate", clock.today().toString(), "passed", true))
                .post("/api/warehouse/extinguishers/" + first + "/service-returns").then().statusCode(201);
        awaitResolved("EXTINGUISHER_EXPIRED", first);
    }

    @Test
    void noMoreThanAQuarterOfAWarehousesExtinguishersMayBeAwayForService() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String lone = register(town, warehouse, "唯一", "DRY_POWDER", clock.today().minusYears(6).toString());
        keeper(town).body(Map.of("onDate", clock.today().toString(), "serviceProvider", "维修站"))
                .post("/api/warehouse/extinguishers/" + lone + "/service-sendoffs").then().statusCode(409)
                .body("type", equalTo("urn:beiqin:problem:too-many-away"))
                .body("allowed", equalTo(0));

        String[] more = new String[3];
        for (int i = 0; i < 3; i++) {
            more[i] = register(town, warehouse, "加配 #" + i, "DRY_POWDER", clock.today().minusYears(1).toString());
        }
        keeper(town).body(Map.of("onDate", clock.today().toString(), "serviceProvider", "维修站"))
                .post("/api/warehouse/extinguishers/" + lone + "/service-sendoffs").then().statusCode(201)
                .body("status", equalTo("AWAY"));
        keeper(town).body(Map.of("onDate", clock.today().toString(), "serviceProvider", "维修站"))
                .post("/api/warehouse/extinguishers/" + more[0] + "/service-sendoffs").then().statusCode(409)
                .body("detail", Matchers.containsString("四分之一"));
        keeper(town).get("/api/warehouse/extinguishers/" + more[0]).then().body("status", equalTo("IN_SERVICE"));
    }

    @Test
    void aCountyWithItsOwnScrapAgeHoldsItsExtinguishersToIt() {
        String ours = newTownship();
        String county183 = "410183" + ours.substring(6);
        String here = createWarehouse(ours, "荥阳仓库");
        String there = keeper(county183).body(Map.of("division", county183, "name", "邻县仓库"))
                .post("/api/warehouse/warehouses").then().statusCode(201).extract().<String>path("id");
        String nineYears = clock.today().minusYears(9).toString();
        String inXingyang = register(ours, here, "干粉 #9", "DRY_POWDER", nineYears);
        String inNeighbour = keeper(county183).body(Map.of("label", "干粉 #9", "agent", "DRY_POWDER",
                "manufacturedOn", nineYears)).post("/api/warehouse/warehouses/" + there + "/extinguishers")
                .then().statusCode(201).body("schedule.monthlyCheckDue", equalTo(clock.today().plusDays(15).toString()))
                .extract().path("id");

        Discrepancy opened = awaitOpened("EXTINGUISHER_EXPIRED", inNeighbour);
        assertThat(opened.division()).isEqualTo(county183);
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "EXTINGUISHER_EXPIRED", inXingyang))
                .as("ten years is the default").isZero();
    }
}
