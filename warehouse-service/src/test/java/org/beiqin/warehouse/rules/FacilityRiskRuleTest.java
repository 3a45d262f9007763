package org.beiqin.warehouse.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FacilityRiskRuleTest extends RuleTestBase {

    @Test
    void aFourthFloorWarehouseWithNoManualDoorReleaseIsARiskUntilAPassingInspection() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "豫龙街道办四楼仓库");
        String inspection = keeper(town).body(checklist(false, false))
                .post("/api/warehouse/warehouses/" + warehouse + "/facility-inspections").then().statusCode(201)
                .body("failed", equalTo(List.of("groundFloorOrLift", "manualDoorRelease")))
                .extract().path("id");
        Discrepancy opened = awaitOpened("FACILITY_RISK", warehouse);
        assertThat(opened.summary().zh()).contains("无电梯").contains("手动开启");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};
        given().auth().oauth2(Tokens.keeper(town)).contentType("image/png").body(png)
                .post("/api/warehouse/facility-inspections/" + inspection + "/photos").then().statusCode(201);
        given().auth().oauth2(Tokens.keeper(town)).contentType("image/jpeg").body(png)
                .post("/api/warehouse/facility-inspections/" + inspection + "/photos").then().statusCode(415)
                .body("type", equalTo("urn:beiqin:problem:photo-type"));
        byte[] huge = new byte[6 * 1024 * 1024];
        System.arraycopy(png, 0, huge, 0, png.length);
        given().auth().oauth2(Tokens.keeper(town)).contentType("image/png").body(huge)
                .post("/api/warehouse/facility-inspections/" + inspection + "/photos").then().statusCode(413)
                .body("type", equalTo("urn:beiqin:problem:photo-too-large"));

        keeper(town).body(checklist(true, true))
                .post("/api/warehouse/warehouses/" + warehouse + "/facility-inspections").then().statusCode(201);
        awaitResolved("FACILITY_RISK", warehouse);
    }

    @Test
    void theAttentionListPutsTheMostOverdueFirstAndTheCountySeesItToo() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String extinguisher = keeper(town).body(Map.of("label", "#1", "agent", "WATER",
                "manufacturedOn", clock.today().minusYears(1).toString()))
                .post("/api/warehouse/warehouses/" + warehouse + "/extinguishers").then().statusCode(201)
                .extract().path("id");
        keeper(town).body(Map.of("onDate", clock.today().minusDays(40).toString(), "sealIntact", true,
                "gaugeInRange", true, "undamaged", true, "accessible", true))
                .post("/api/warehouse/extinguishers/" + extinguisher + "/monthly-checks").then().statusCode(201);
        String phone = keeper(town).body(Map.of("kind", "SATELLITE_PHONE", "label", "卫星电话"))
                .post("/api/warehouse/warehouses/" + warehouse + "/equipment").then().statusCode(201)
                .extract().path("id");

        keeper(town).get("/api/warehouse/attention?warehouseId=" + warehouse + "&days=14").then().statusCode(200)
                .body("[0].kind", equalTo("extinguisher.monthlyCheck"))
                .body("[0].daysOverdue", equalTo(9))
                .body("subjectId", hasItem(phone))
                .body("kind", hasItem("equipment.chargeReading"));
        as(Tokens.countyOffice("410182")).get("/api/warehouse/attention").then().statusCode(200)
                .body("subjectId", hasItem(extinguisher));
        keeper(newTownship()).get("/api/warehouse/attention?warehouseId=" + warehouse).then().statusCode(404);
    }
}
