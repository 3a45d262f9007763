package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ItemUnlabeledRuleTest extends RuleTestBase {

    @Test
    void fuelWithoutItsFuelTypeIsRefusedWithTheFieldNamed() {
        String town = newTownship();
        keeper(town).body(Map.of("division", town, "name", "油桶", "category", "FLOOD", "kind", "FUEL",
                "specification", "200L", "unit", "桶"))
                .post("/api/warehouse/items").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:beiqin:problem:validation"))
                .body("title", equalTo("提交的内容有误"))
                .body("errors.field", hasItem("attributes.fuelType"))
                .body("errors.message", hasItem("这种物资必须填写此项，便于按标识清点和领用"));
        keeper(town).get("/api/warehouse/items").then().statusCode(200).body("name", Matchers.not(
                hasItem("油桶")));
    }

    @Test
    void anImportedDrumWithoutFuelTypeIsFlaggedUntilTheTypeIsFilled() {
        String town = newTownship();
        String item = keeper(town).body(List.of(Map.of("division", town, "name", "油桶（索河办旧台账）",
                "category", "FLOOD", "kind", "FUEL", "specification", "200L", "unit", "桶")))
                .post("/api/warehouse/items/import").then().statusCode(201)
                .body("[0].missingLabels", equalTo(List.of("attributes.fuelType"))).extract().path("[0].id");

        Discrepancy opened = awaitOpened("ITEM_UNLABELED", item);
        assertThat(opened.summary().zh()).contains("缺少：燃料类型").doesNotContain("attributes");

        keeper(town).body(Map.of("attributes", Map.of("fuelType", "0号柴油")))
                .patch("/api/warehouse/items/" + item).then().statusCode(200)
                .body("missingLabels", equalTo(List.of()));
        awaitResolved("ITEM_UNLABELED", item);
    }

    @Test
    void anAttributeWithoutAValueIsRefusedAndTheStoredValueIsKept() {
        String town = newTownship();
        // a value left null used to be stored as null, and the catalogue showed the word "null"
        keeper(town).body("""
                {"division": "%s", "name": "柴油桶", "category": "FLOOD", "kind": "FUEL", "specification": "200L",
                 "unit": "桶", "attributes": {"fuelType": "0号柴油", "note": null}}""".formatted(town))
                .post("/api/warehouse/items").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", equalTo(List.of("attributes[note]")))
                .body("errors.message", equalTo(List.of("不能为空")));
        // a legacy record may leave an attribute out, not give it without a value: the line is named
        keeper(town).body("""
                [{"division": "%s", "name": "旧油桶", "category": "FLOOD", "kind": "FUEL", "unit": "桶"},
                 {"division": "%s", "name": "柴油桶", "category": "FLOOD", "kind": "FUEL", "unit": "桶",
                  "attributes": {"fuelType": null}}]""".formatted(town, town))
                .post("/api/warehouse/items/import").then().statusCode(422)
                .body("errors.field", equalTo(List.of("[1].attributes[fuelType]")));
        keeper(town).get("/api/warehouse/items").then().statusCode(200).body("name", Matchers.not(hasItem("柴油桶")))
                .body("name", Matchers.not(hasItem("旧油桶")));

        String item = keeper(town).body(Map.of("division", town, "name", "柴油桶", "category", "FLOOD", "kind", "FUEL",
                "specification", "200L", "unit", "桶", "attributes", Map.of("fuelType", "0号柴油")))
                .post("/api/warehouse/items").then().statusCode(201).extract().path("id");
        for (String blank : List.of("null", "\"\"", "\"  \"")) {
            keeper(town).body("{\"attributes\": {\"fuelType\": " + blank + "}}")
                    .patch("/api/warehouse/items/" + item).then().statusCode(422)
                    .body("errors.field", equalTo(List.of("attributes[fuelType]")));
        }
        keeper(town).get("/api/warehouse/items/" + item).then().statusCode(200)
                .body("attributes", equalTo(Map.of("fuelType", "0号柴油")));
    }
}
