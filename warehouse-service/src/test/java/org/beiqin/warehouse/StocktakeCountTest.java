package org.beiqin.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.Discrepancy;
import org.beiqin.testing.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Entering counts, many lines in one request: each line is checked before any is written, so a
 * bad line refuses the whole request and keeps nothing; a line counted again replaces its count.
 */
@QuarkusTest
class StocktakeCountTest extends WarehouseTestBase {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBadLineRefusesTheWholeRequestAndACountedLineIsCountedAgainInPlace() {
        String town = newTownship();
        String sibling = newTownship();
        String warehouse = createWarehouse(town, "广武镇应急物资仓库");
        String other = createWarehouse(town, "广武镇第二仓库");
        String shovel = createItem(town, "铁锨", "FLOOD", "EQUIPMENT", "把");
        String bags = createItem(town, "编织袋", "FLOOD", "EQUIPMENT", "条");
        String foreign = createItem(sibling, "救生衣", "FLOOD", "EQUIPMENT", "件");
        String county = as(Tokens.countyOffice("410182")).body(Map.of("division", "410182", "name", "县级储备帐篷",
                "category", "RELIEF", "kind", "EQUIPMENT", "specification", "标准", "unit", "顶"))
                .post("/api/warehouse/items").then().statusCode(201).extract().path("id");
        String flood = zone(town, warehouse, "FLOOD");
        String otherZone = zone(town, other, "FLOOD");
        String stocktake = keeper(town).body(Map.of("note", "月度盘点"))
                .post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then().statusCode(201)
                .extract().path("id");
        String lines = "/api/warehouse/stocktakes/" + stocktake + "/lines";

        // a zone of the township's other warehouse, after a good line: nothing is kept
        keeper(town).body(Map.of("lines", List.of(line(shovel, flood, 5), line(bags, otherZone, 7)))).put(lines)
                .then().statusCode(422).body("errors.field", hasItem("lines.zoneId"));
        // the same line twice
        keeper(town).body(Map.of("lines", List.of(line(shovel, flood, 5), line(shovel, flood, 6)))).put(lines)
                .then().statusCode(422).body("type", equalTo("urn:beiqin:problem:stocktake-line-twice"));
        // another township's item is not there at all for this keeper
        keeper(town).body(Map.of("lines", List.of(line(shovel, flood, 5), line(foreign, flood, 1)))).put(lines)
                .then().statusCode(404);
        // with several bad lines, the first in the order given is the one refused
        keeper(town).body(Map.of("lines", List.of(line(bags, otherZone, 7), line(foreign, flood, 1)))).put(lines)
                .then().statusCode(422).body("errors.field", hasItem("lines.zoneId"));
        keeper(town).body(Map.of("lines", List.of(line(foreign, flood, 1), line(bags, otherZone, 7)))).put(lines)
                .then().statusCode(404);
        keeper(town).get("/api/warehouse/stocktakes/" + stocktake).then().statusCode(200).body("lines", hasSize(0));

        // the county's own item may be counted in a township warehouse; a second count replaces the first
        keeper(town).body(Map.of("lines", List.of(line(shovel, flood, 5), line(county, flood, 2)))).put(lines)
                .then().statusCode(200).body("lines", hasSize(2));
        keeper(town).body(Map.of("lines", List.of(line(shovel, flood, 4)))).put(lines).then().statusCode(200)
                .body("lines", hasSize(2)).body("lines.find { it.itemId == '" + shovel + "' }.counted", equalTo(4))
                .body("lines.find { it.itemId == '" + county + "' }.itemName", equalTo("县级储备帐篷"));

        // nor can a keeper of the sibling township, of a village below, or of another county
        for (String elsewhere : List.of(sibling, town + "201", "410183101")) {
            keeper(elsewhere).body(Map.of("lines", List.of(line(shovel, flood, 1)))).put(lines).then().statusCode(404);
        }
        keeper(town).get("/api/warehouse/stocktakes/" + stocktake).then().statusCode(200)
                .body("lines.find { it.itemId == '" + shovel + "' }.counted", equalTo(4));
    }

    @Test
    void findingsOfASubmittedCountReachTheTrackerWithTheirNamesAsWritten() throws SQLException {
        // quotes and commas in names: the findings of a count go out together (one COPY into the
        // outbox), and each must say exactly what the keeper wrote
        String town = newTownship();
        String warehouse = createWarehouse(town, "高山镇\"一号\"仓库, 东院");
        String bags = createItem(town, "\"加厚\"编织袋, 50×80", "FLOOD", "EQUIPMENT", "条");
        String shovel = createItem(town, "铁锨（\"长柄\"）", "FLOOD", "EQUIPMENT", "把");
        String flood = zone(town, warehouse, "FLOOD");
        receive(town, warehouse, bags, 100).statusCode(201);
        receive(town, warehouse, shovel, 10).statusCode(201);
        String stocktake = keeper(town).body(Map.of("note", "汛前盘点"))
                .post("/api/warehouse/warehouses/" + warehouse + "/stocktakes").then().statusCode(201)
                .extract().path("id");
        keeper(town).body(Map.of("lines", List.of(line(bags, flood, 97), line(shovel, flood, 9))))
                .put("/api/warehouse/stocktakes/" + stocktake + "/lines").then().statusCode(200);
        keeper(town).post("/api/warehouse/stocktakes/" + stocktake + "/submit").then().statusCode(200)
                .body("differences", equalTo(2));

        Discrepancy bagLine = awaitOpened("LEDGER_MISMATCH", warehouse, bags);
        Discrepancy shovelLine = awaitOpened("LEDGER_MISMATCH", warehouse, shovel);
        assertThat(bagLine.subject().label()).startsWith("高山镇\"一号\"仓库, 东院 \"加厚\"编织袋, 50×80（");
        assertThat(bagLine.summary().zh()).contains("盘亏 3条");
        assertThat(shovelLine.subject().label()).startsWith("高山镇\"一号\"仓库, 东院 铁锨（\"长柄\"）（");
        assertThat(shovelLine.summary().zh()).contains("盘亏 1把");
        // and each outbox row's id is its event's id
        try (Connection connection = dataSource.getConnection();
                ResultSet mismatched = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM outbox_event WHERE id <> (payload::json ->> 'id')::uuid")) {
            mismatched.next();
            assertThat(mismatched.getLong(1)).isZero();
        }
    }

    private static Map<String, Object> line(String item, String zone, int counted) {
        return Map.of("itemId", item, "zoneId", zone, "counted", counted);
    }
}
