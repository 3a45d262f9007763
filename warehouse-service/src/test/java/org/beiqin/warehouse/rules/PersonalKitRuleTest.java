package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.beiqin.commons.consumer.ConsumedEvents;
import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.TeamChanged;
import org.beiqin.contract.Topics;
import org.beiqin.testing.EmbeddedKafka;

import io.quarkus.test.junit.QuarkusTest;

/** Team sizes arrive on roster.teams as the duty-roster service will publish them. */
@QuarkusTest
class PersonalKitRuleTest extends RuleTestBase {

    @jakarta.inject.Inject
    ConsumedEvents consumed;

    private static String teamEvent(UUID eventId, String teamId, String division, int members, Instant changedAt) {
        return CloudEventCodec.text(CloudEventCodec.encode(eventId, "/duty-roster-service", EventTypes.TEAM_CHANGED,
                teamId, changedAt, EventTypes.TEAM_CHANGED_SCHEMA,
                new TeamChanged(teamId, "三官庙村应急队", division, "village", members, changedAt)));
    }

    @Test
    void seventyNineRespondersNeedSeventyNineSetsAndRedeliveriesAndStaleOrBrokenEventsChangeNothing() {
        String town = newTownship();
        String warehouse = createWarehouse(town, "三官庙村储备点");
        String boots = createItem(town, "胶鞋", "FLOOD", "PERSONAL_KIT", "双");
        receive(town, warehouse, boots, 31).statusCode(201);
        String team = "team-" + town;
        Instant t0 = Instant.now();
        UUID first = UUID.randomUUID();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(Topics.ROSTER_TEAMS, team, teamEvent(first, team, town, 79, t0)));
            producer.flush();
            Discrepancy opened = awaitOpened("BELOW_STANDARD", "/kit/", warehouse, boots);
            assertThat(opened.summary().zh()).contains("应急队员 79 名").contains("31双");

            // the same event again, a record that is no event at all, and an older size: nothing changes
            producer.send(new ProducerRecord<>(Topics.ROSTER_TEAMS, team, teamEvent(first, team, town, 79, t0)));
            producer.send(new ProducerRecord<>(Topics.ROSTER_TEAMS, team, "{not an event"));
            producer.send(new ProducerRecord<>(Topics.ROSTER_TEAMS, team,
                    teamEvent(UUID.randomUUID(), team, town, 5, t0.minus(Duration.ofDays(1)))));
            // the team shrinks to 60: still short, and the finding says so
            producer.send(new ProducerRecord<>(Topics.ROSTER_TEAMS, team,
                    teamEvent(UUID.randomUUID(), team, town, 60, t0.plusSeconds(30))));
            producer.flush();
            awaitUpdated("BELOW_STANDARD", "应急队员 60 名", "/kit/", warehouse, boots);
            // then to 30: 31 pairs are enough
            producer.send(new ProducerRecord<>(Topics.ROSTER_TEAMS, team,
                    teamEvent(UUID.randomUUID(), team, town, 30, t0.plusSeconds(60))));
            producer.flush();
        }
        Discrepancy resolved = awaitResolved("BELOW_STANDARD", "/kit/", warehouse, boots);
        assertThat(resolved.resolution().evidence()).containsEntry("responders", 30);
        assertThat(countEvents(EventTypes.DISCREPANCY_OPENED, "BELOW_STANDARD", "/kit/", warehouse))
                .as("neither the redelivery nor the stale event reopened it").isEqualTo(1);
        assertThat(consumed.quarantined("410182", 100)).filteredOn(q -> team.equals(q.key()))
                .singleElement().satisfies(q -> {
                    assertThat(q.payload()).isEqualTo("{not an event");
                    assertThat(q.reason()).contains("not a CloudEvents 1.0 JSON document");
                });
    }
}
