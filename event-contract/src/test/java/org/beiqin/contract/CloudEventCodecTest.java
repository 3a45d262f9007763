package org.beiqin.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.CloudEvent;

class CloudEventCodecTest {

    private final Discrepancy opened = new Discrepancy(
            "warehouse-service/410182102/EXPIRED_STOCK/lot/abc",
            "EXPIRED_STOCK", "medium", "410182102",
            new Discrepancy.Subject("lot", "abc", "乔楼镇仓库 矿泉水 批次 2024-03"),
            Instant.parse("2026-06-03T01:15:00Z"),
            new Discrepancy.Text("矿泉水已过期 3 天", "Drinking water expired 3 days ago"),
            Map.of("expiresOn", "2026-05-31"), null, null);

    @Test
    void writesTheStructuredModeEnvelopeOfTheContract() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] bytes = CloudEventCodec.encode(id, "/warehouse-service", EventTypes.DISCREPANCY_OPENED, opened.key(),
                opened.detectedAt(), EventTypes.DISCREPANCY_SCHEMA, opened);

        JsonNode json = CloudEventCodec.MAPPER.readTree(bytes);
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo(id.toString());
        assertThat(json.get("source").asText()).isEqualTo("/warehouse-service");
        assertThat(json.get("type").asText()).isEqualTo("preparedness.discrepancy.opened");
        assertThat(json.get("subject").asText()).isEqualTo(opened.key());
        assertThat(json.get("time").asText()).isEqualTo("2026-06-03T01:15:00Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("dataschema").asText()).isEqualTo("urn:beiqin:discrepancy:1");
        // data is embedded JSON, not a base64 string, and carries Chinese text unescaped-able
        assertThat(json.get("data").get("severity").asText()).isEqualTo("medium");
        assertThat(json.get("data").get("summary").get("zh").asText()).isEqualTo("矿泉水已过期 3 天");
        assertThat(json.get("data").get("detectedAt").asText()).isEqualTo("2026-06-03T01:15:00Z");
        assertThat(json.get("data").has("resolution")).isFalse();
    }

    @Test
    void readsBackWhatItWroteAndIgnoresUnknownFields() {
        byte[] bytes = CloudEventCodec.encode(UUID.randomUUID(), "/warehouse-service", EventTypes.DISCREPANCY_RESOLVED,
                opened.key(), Instant.parse("2026-06-04T00:00:00Z"), EventTypes.DISCREPANCY_SCHEMA,
                opened.resolvedBy(new Discrepancy.Resolution(Instant.parse("2026-06-04T00:00:00Z"),
                        new Discrepancy.Text("批次已报废", "Lot scrapped"), Map.of("movementId", "m1"))));
        String withExtra = new String(bytes, StandardCharsets.UTF_8)
                .replace("\"key\":", "\"futureField\":{\"x\":1},\"key\":");

        CloudEvent event = CloudEventCodec.decode(withExtra.getBytes(StandardCharsets.UTF_8));
        Discrepancy data = CloudEventCodec.data(event, Discrepancy.class);

        assertThat(event.getType()).isEqualTo(EventTypes.DISCREPANCY_RESOLVED);
        assertThat(data.key()).isEqualTo(opened.key());
        assertThat(data.resolution().reason().zh()).isEqualTo("批次已报废");
        assertThat(data.resolution().evidence()).containsEntry("movementId", "m1");
    }

    @Test
    void comparesFactsButNotTheTimeOfDetection() {
        Discrepancy later = new Discrepancy(opened.key(), opened.rule(), opened.severity(), opened.division(),
                opened.subject(), Instant.parse("2026-06-05T00:00:00Z"), opened.summary(), Map.of("expiresOn", "2026-05-31"),
                null, null);
        Discrepancy recounted = new Discrepancy(opened.key(), opened.rule(), opened.severity(), opened.division(),
                opened.subject(), opened.detectedAt(), new Discrepancy.Text("矿泉水已过期，仍有 5 箱在库", "5 cases left"),
                opened.evidence(), null, null);
        Discrepancy longCount = new Discrepancy(opened.key(), opened.rule(), opened.severity(), opened.division(),
                opened.subject(), opened.detectedAt(), opened.summary(), Map.of("expiresOn", "2026-05-31", "cases", 5L),
                null, null);
        Discrepancy intCount = new Discrepancy(opened.key(), opened.rule(), opened.severity(), opened.division(),
                opened.subject(), opened.detectedAt(), opened.summary(), Map.of("expiresOn", "2026-05-31", "cases", 5),
                null, null);

        assertThat(later.sameFactsAs(opened)).isTrue();
        assertThat(recounted.sameFactsAs(opened)).isFalse();
        assertThat(longCount.sameFactsAs(intCount)).isTrue();
        assertThat(opened.from(new Discrepancy.Source("stocktake", "s1", "乔楼镇仓库 11月盘点")).sameFactsAs(opened))
                .isFalse();
    }

    @Test
    void refusesADocumentThatIsNotACloudEvent() {
        assertThatThrownBy(() -> CloudEventCodec.decode("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CloudEventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> CloudEventCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CloudEventCodec.MalformedEventException.class);
    }

    @Test
    void keepsRulesItDoesNotKnow() {
        assertThat(Rule.find("LEDGER_MISMATCH")).contains(Rule.LEDGER_MISMATCH);
        assertThat(Rule.find("SOME_FUTURE_RULE")).isEmpty();
    }
}
