package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EquipmentRulesTest extends RuleTestBase {

    @Test
    void aTorchBelowEightyPercentIsLowAndEightyIsEnough() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String torch = equipment(town, warehouse, "FLASHLIGHT", "手电 #3");
        reading(town, torch, 65);
        Discrepancy opened = awaitOpened("BATTERY_LOW", torch);
        assertThat(opened.summary().zh()).contains("65%").contains("80%");
        reading(town, torch, 80);
        awaitResolved("BATTERY_LOW", torch);
    }

    @Test
    void aSatellitePhoneUnreadForMoreThanItsIntervalIsOverdue() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String phone = equipment(town, warehouse, "SATELLITE_PHONE", "卫星电话");
        clock.advance(Duration.ofDays(14));
        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "CHARGE_CHECK_OVERDUE", phone)).isZero();
        clock.advance(Duration.ofDays(1));
        sweep();
        assertThat(awaitOpened("CHARGE_CHECK_OVERDUE", phone).summary().zh()).contains("从未检查电量");
        keeper(town).body(Map.of("charged", true)).post("/api/warehouse/equipment/" + phone + "/charge-readings")
                .then().statusCode(201);
        awaitResolved("CHARGE_CHECK_OVERDUE", phone);
    }

    @Test
    void aFaultStandingMoreThanSevenDaysIsFlaggedUntilRepaired() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String speaker = equipment(town, warehouse, "LOUDSPEAKER", "语音广播 #2");
        keeper(town).body(Map.of("working", false, "notes", "喇叭无声"))
                .post("/api/warehouse/equipment/" + speaker + "/checks").then().statusCode(201)
                .body("status", equalTo("FAULTY"));
        clock.advance(Duration.ofDays(7));
        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "EQUIPMENT_FAULTY", speaker)).isZero();
        clock.advance(Duration.ofDays(1));
        sweep();
        awaitOpened("EQUIPMENT_FAULTY", speaker);
        keeper(town).body(Map.of("notes", "更换功放")).post("/api/warehouse/equipment/" + speaker + "/repairs")
                .then().statusCode(201).body("status", equalTo("WORKING"));
        awaitResolved("EQUIPMENT_FAULTY", speaker);
    }

    @Test
    void equipmentBackFromADrillMustBeCheckedWithinThreeDays() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "仓库");
        String thrower = equipment(town, warehouse, "ROPE_THROWER", "抛绳器");
        keeper(town).body(Map.of("reference", Map.of("type", "incident", "id", "2026-06 暴雨")))
                .post("/api/warehouse/equipment/" + thrower + "/returns-from-use").then().statusCode(201);
        clock.advance(Duration.ofDays(3));
        sweep();
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "POST_USE_CHECK_MISSING", thrower)).isZero();
        clock.advance(Duration.ofDays(1));
        sweep();
        awaitOpened("POST_USE_CHECK_MISSING", thrower);
        keeper(town).body(Map.of("working", true)).post("/api/warehouse/equipment/" + thrower + "/checks")
                .then().statusCode(201);
        awaitResolved("POST_USE_CHECK_MISSING", thrower);
    }
}
