package org.beiqin.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.EventTypes;
import org.beiqin.testing.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;

/** What reaches preparedness.discrepancies is the contract of ARCHITECTURE.md, checked against its schema. */
@QuarkusTest
class EventContractTest extends WarehouseTestBase {

    @Test
    void openedAndResolvedEventsFollowTheEnvelopeAndTheDiscrepancySchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = CloudEventCodec.class.getResourceAsStream("/schemas/discrepancy-1.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        String town = newTownship();
        String item = keeper(town).body(List.of(Map.of("division", town, "name", "油桶", "category", "FLOOD",
                "kind", "FUEL", "specification", "200L", "unit", "桶")))
                .post("/api/warehouse/items/import").then().statusCode(201).extract().path("[0].id");
        TopicReader.Record opened = discrepancies.reader().await(r -> r.key().contains(item)
                && r.type().equals(EventTypes.DISCREPANCY_OPENED), EVENT_TIMEOUT);
        keeper(town).body(Map.of("attributes", Map.of("fuelType", "0号柴油"))).patch("/api/warehouse/items/" + item)
                .then().statusCode(200);
        TopicReader.Record resolved = discrepancies.reader().await(r -> r.key().contains(item)
                && r.type().equals(EventTypes.DISCREPANCY_RESOLVED), EVENT_TIMEOUT);

        for (TopicReader.Record record : List.of(opened, resolved)) {
            JsonNode json = CloudEventCodec.MAPPER.readTree(record.json());
            assertThat(json.get("specversion").asText()).isEqualTo("1.0");
            assertThat(json.get("source").asText()).isEqualTo("/warehouse-service");
            assertThat(json.get("dataschema").asText()).isEqualTo("urn:beiqin:discrepancy:1");
            assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(json.get("subject").asText()).isEqualTo(record.key());
            assertThat(json.get("data").get("key").asText()).as("record key = discrepancy key").isEqualTo(record.key());
            assertThat(record.key()).isEqualTo("warehouse/" + town + "/ITEM_UNLABELED/item/" + item);
            Set<ValidationMessage> errors = schema.validate(json.get("data"));
            assertThat(errors).as("schema violations of " + record.type()).isEmpty();
        }
        assertThat(CloudEventCodec.MAPPER.readTree(resolved.json()).get("data").get("resolution").get("resolvedAt")
                .asText()).isNotBlank();
        assertThat(opened.event().getId()).isNotEqualTo(resolved.event().getId());

        // and the schema does catch a document that breaks it
        ObjectNode broken = (ObjectNode)
                CloudEventCodec.MAPPER.readTree(opened.json()).get("data");
        broken.put("severity", "urgent");
        broken.remove("division");
        assertThat(schema.validate(broken)).hasSize(2);
    }
}
