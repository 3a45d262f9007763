package org.beiqin.warehouse.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.TeamChanged;
import org.beiqin.contract.Topics;
import org.beiqin.warehouse.rules.PersonalKitRule;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the team sizes the per-responder standard needs, from {@code roster.teams}. Plain Kafka
 * consumer, auto-commit off: each event is applied in one database transaction together with a
 * record of its id, and offsets are committed only after that commit — a redelivery changes
 * nothing, a crash re-reads what was not committed. A record that is not a valid event is kept
 * in {@code consumed_event} with the reason and skipped, so it never blocks the ones behind it.
 */
@ApplicationScoped
public class TeamChangesConsumer {

    private static final Logger LOG = Logger.getLogger(TeamChangesConsumer.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    org.beiqin.warehouse.config.WarehouseConfig config;

    @Inject
    EntityManager em;

    @Inject
    PersonalKitRule personalKit;

    @Inject
    Clock clock;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread worker;

    void start(@Observes StartupEvent event) {
        if (!config.teams().consume()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "roster-teams-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void loop() {
        long backoff = 500;
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "warehouse-service.roster-teams",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
                consumer = c;
                c.subscribe(java.util.List.of(Topics.ROSTER_TEAMS));
                while (running) {
                    ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, String> record : records) {
                        QuarkusTransaction.requiringNew().run(() -> apply(record));
                    }
                    if (!records.isEmpty()) {
                        c.commitSync();
                    }
                    backoff = 500;
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // Nothing after the last committed offset is lost: a new consumer reads it again.
                LOG.warnf("roster.teams consumer: %s; retrying in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    void apply(ConsumerRecord<String, String> record) {
        CloudEvent event;
        TeamChanged team;
        try {
            event = CloudEventCodec.decode(record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8));
            if (!EventTypes.TEAM_CHANGED.equals(event.getType())) {
                remember(event.getId(), null);
                return;
            }
            team = CloudEventCodec.data(event, TeamChanged.class);
            if (team.teamId() == null || team.division() == null || team.changedAt() == null || team.activeMembers() < 0) {
                throw new CloudEventCodec.MalformedEventException("team event lacks teamId, division or changedAt", null);
            }
        } catch (CloudEventCodec.MalformedEventException e) {
            String id = record.topic() + "-" + record.partition() + "-" + record.offset();
            LOG.warnf("roster.teams record %s kept aside: %s", id, e.getMessage());
            remember(id, e.getMessage());
            return;
        }
        if (!remember(event.getId(), null)) {
            return; // seen before
        }
        int changed = em.createNativeQuery("""
                INSERT INTO team_strength (team_id, division, level, active_members, changed_at)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (team_id) DO UPDATE SET division = EXCLUDED.division, level = EXCLUDED.level,
                    active_members = EXCLUDED.active_members, changed_at = EXCLUDED.changed_at
                WHERE team_strength.changed_at <= EXCLUDED.changed_at""")
                .setParameter(1, team.teamId()).setParameter(2, team.division()).setParameter(3, team.level())
                .setParameter(4, team.activeMembers()).setParameter(5, team.changedAt()).executeUpdate();
        if (changed > 0) {
            personalKit.teamChanged(team.division());
        }
    }

    /** Records an event id; false when it was recorded before. */
    private boolean remember(String id, String error) {
        return em.createNativeQuery("""
                INSERT INTO consumed_event (id, topic, consumed_at, error) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, id).setParameter(2, Topics.ROSTER_TEAMS).setParameter(3, clock.instant())
                .setParameter(4, error).executeUpdate() == 1;
    }
}
