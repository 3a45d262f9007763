package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's "resolved by" and "updated while open" columns, path by path, for the paths the
 * rules' own tests do not walk: a finding ends by whichever write makes its condition stop
 * holding, and says what is true now while it stays open.
 */
@QuarkusTest
class ResolutionPathsTest extends RuleTestBase {

    @Test
    void mixedStorageFollowsWhatIsLeftInTheWrongZoneAndEndsWhenAScrapTakesTheRest() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "刘河镇应急仓库");
        String sandbags = createItem(town, "沙袋", "FLOOD", "GENERAL", "条");
        String fireZone = zone(town, warehouse, "FIRE");
        String floodZone = zone(town, warehouse, "FLOOD");
        keeper(town).body(Map.of("itemId", sandbags, "zoneId", fireZone, "quantity", 100))
                .post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201);
        assertThat(awaitOpened("MIXED_STORAGE", fireZone, sandbags).evidence()).containsEntry("quantity", "100");

        keeper(town).body(Map.of("itemId", sandbags, "zoneId", fireZone, "quantity", 40, "toWarehouseId", warehouse,
                "toZoneId", floodZone)).post("/api/warehouse/warehouses/" + warehouse + "/transfers").then()
                .statusCode(201);
        Discrepancy updated = discrepancies.await(EventTypes.DISCREPANCY_UPDATED, "MIXED_STORAGE", fireZone, sandbags);
        assertThat(updated.evidence()).containsEntry("quantity", "60");

        keeper(town).body(Map.of("itemId", sandbags, "zoneId", fireZone, "quantity", 60, "reason", "受潮霉变"))
                .post("/api/warehouse/warehouses/" + warehouse + "/scraps").then().statusCode(201);
        awaitResolved("MIXED_STORAGE", fireZone, sandbags);
    }

    @Test
    void anExpiredLotSaysHowMuchIsLeftAndEndsWhenTheLastIsIssued() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "贾峪镇应急仓库");
        String water = water(town);
        keeper(town).body(Map.of("itemId", water, "lot", "W-1", "expiresOn", clock.today().plusDays(1).toString(),
                "quantity", 30)).post("/api/warehouse/warehouses/" + warehouse + "/receipts").then().statusCode(201);
        clock.advance(Duration.ofDays(2));
        sweep();
        assertThat(awaitOpened("EXPIRED_STOCK", warehouse, water).summary().zh()).contains("仍有 30箱");

        keeper(town).body(Map.of("itemId", water, "lot", "W-1", "quantity", 10, "recipientName", "村委会"))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201);
        assertThat(awaitUpdated("EXPIRED_STOCK", "仍有 20箱", warehouse, water).evidence()).containsEntry("quantity", "20");
        clock.advance(Duration.ofDays(1));
        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_UPDATED, "EXPIRED_STOCK", warehouse, water))
                .as("one day older is not news").isEqualTo(1);

        keeper(town).body(Map.of("itemId", water, "lot", "W-1", "quantity", 20, "recipientName", "村委会"))
                .post("/api/warehouse/warehouses/" + warehouse + "/issues").then().statusCode(201);
        awaitResolved("EXPIRED_STOCK", warehouse, water);
    }

    @Test
    void belowStandardFollowsTheStockAndEndsWhenTheMinimumIsLowered() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "三官庙村储备点");
        String vests = createItem(town, "救生衣", "FLOOD", "PERSONAL_KIT", "件");
        receive(town, warehouse, vests, 6).statusCode(201);
        keeper(town).body(Map.of("minimum", 79))
                .put("/api/warehouse/warehouses/" + warehouse + "/standards/" + vests).then().statusCode(204);
        awaitOpened("BELOW_STANDARD", warehouse, vests);

        receive(town, warehouse, vests, 10).statusCode(201);
        assertThat(awaitUpdated("BELOW_STANDARD", "可用 16件", warehouse, vests).evidence())
                .containsEntry("available", "16");

        keeper(town).body(Map.of("minimum", 16))
                .put("/api/warehouse/warehouses/" + warehouse + "/standards/" + vests).then().statusCode(204);
        awaitResolved("BELOW_STANDARD", warehouse, vests);
    }

    @Test
    void scrappingEquipmentEndsItsBatteryChargeAndPostUseFindings() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String torch = equipment(town, warehouse, "FLASHLIGHT", "手电 #7");
        reading(town, torch, 65);
        awaitOpened("BATTERY_LOW", torch);
        reading(town, torch, 40);
        assertThat(awaitUpdated("BATTERY_LOW", "40%", torch).summary().zh()).doesNotContain("65%");

        String phone = equipment(town, warehouse, "SATELLITE_PHONE", "卫星电话 #2");
        String thrower = equipment(town, warehouse, "ROPE_THROWER", "抛绳器 #2");
        keeper(town).body(Map.of("reference", Map.of("type", "incident", "id", "2026-06 暴雨")))
                .post("/api/warehouse/equipment/" + thrower + "/returns-from-use").then().statusCode(201);
        clock.advance(Duration.ofDays(15));
        sweep();
        awaitOpened("CHARGE_CHECK_OVERDUE", phone);
        awaitOpened("POST_USE_CHECK_MISSING", thrower);

        for (String id : new String[] {torch, phone, thrower}) {
            keeper(town).body(Map.of("onDate", clock.today().toString(), "reason", "损坏无法修复"))
                    .post("/api/warehouse/equipment/" + id + "/scrap").then().statusCode(201);
        }
        assertThat(awaitResolved("BATTERY_LOW", torch).resolution()).isNotNull();
        awaitResolved("CHARGE_CHECK_OVERDUE", phone);
        awaitResolved("POST_USE_CHECK_MISSING", thrower);
    }

    @Test
    void aFaultEndsWhenACheckFindsItWorking() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String speaker = equipment(town, warehouse, "LOUDSPEAKER", "语音广播 #4");
        keeper(town).body(Map.of("working", false, "notes", "喇叭无声"))
                .post("/api/warehouse/equipment/" + speaker + "/checks").then().statusCode(201);
        clock.advance(Duration.ofDays(8));
        sweep();
        awaitOpened("EQUIPMENT_FAULTY", speaker);
        keeper(town).body(Map.of("working", true, "notes", "接触不良，已自行恢复"))
                .post("/api/warehouse/equipment/" + speaker + "/checks").then().statusCode(201);
        awaitResolved("EQUIPMENT_FAULTY", speaker);
    }

    @Test
    void anOverdueExtinguisherEndsWhenItIsScrapped() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String id = keeper(town).body(Map.of("label", "干粉 #9", "agent", "DRY_POWDER", "capacity", "4kg",
                "manufacturedOn", clock.today().minusYears(3).toString()))
                .post("/api/warehouse/warehouses/" + warehouse + "/extinguishers").then().statusCode(201)
                .extract().path("id");
        keeper(town).body(Map.of("onDate", clock.today().toString(), "sealIntact", true, "gaugeInRange", true,
                "undamaged", true, "accessible", true))
                .post("/api/warehouse/extinguishers/" + id + "/monthly-checks").then().statusCode(201);
        clock.advance(Duration.ofDays(32));
        sweep();
        awaitOpened("EXTINGUISHER_INSPECTION_OVERDUE", id);
        keeper(town).body(Map.of("onDate", clock.today().toString(), "reason", "筒体锈蚀，报废更换"))
                .post("/api/warehouse/extinguishers/" + id + "/scrap").then().statusCode(201);
        awaitResolved("EXTINGUISHER_INSPECTION_OVERDUE", id);
    }

    @Test
    void aLaterFailedFacilityInspectionRestatesWhatFails() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "豫龙街道办四楼仓库");
        keeper(town).body(checklist(false, true))
                .post("/api/warehouse/warehouses/" + warehouse + "/facility-inspections").then().statusCode(201);
        assertThat(awaitOpened("FACILITY_RISK", warehouse).summary().zh()).contains("无电梯").doesNotContain("手动开启");
        keeper(town).body(checklist(false, false))
                .post("/api/warehouse/warehouses/" + warehouse + "/facility-inspections").then().statusCode(201);
        awaitUpdated("FACILITY_RISK", "手动开启", warehouse);
    }
}
