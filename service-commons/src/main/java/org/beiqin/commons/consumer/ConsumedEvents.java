package org.beiqin.commons.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.beiqin.commons.tx.AfterCommit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consumer's memory, in the service's own database (tables of {@code db/consumer}): which
 * event ids were applied, and which records were set aside in quarantine and why.
 */
@ApplicationScoped
public class ConsumedEvents {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Records that the event {@code id} is being applied, in the transaction of its effect.
     * Returns false when it was applied before: the caller then changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String id, String topic) {
        boolean first = update("INSERT INTO consumed_event (id, topic, consumed_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                id, topic, Timestamp.from(clock.instant())) == 1;
        if (!first) {
            // a redelivery (a replica died between applying and committing its offsets, or a
            // producer sent twice): /q/metrics beiqin_consumer_redelivered_total{topic}
            redelivered(topic, 1);
        }
        return first;
    }

    /**
     * Records a poll's event ids at once, in the transaction of their effect, and returns those
     * applied for the first time: one statement for the whole poll instead of one per event. An id
     * that occurs twice in {@code ids} is returned once; the caller applies its first occurrence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(List<String> ids, String topic) {
        Set<String> first = new HashSet<>();
        if (ids.isEmpty()) {
            return first;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO consumed_event (id, topic, consumed_at)
                        SELECT id, ?, ? FROM (SELECT DISTINCT unnest(?::text[]) AS id) AS ids ORDER BY id
                        ON CONFLICT (id) DO NOTHING RETURNING id""")) {
            statement.setString(1, topic);
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            statement.setArray(3, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    first.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("consumed events: " + e.getMessage(), e);
        }
        if (first.size() < ids.size()) {
            // the ids seen before, and the second of an id sent twice within the poll
            redelivered(topic, ids.size() - first.size());
        }
        return first;
    }

    /**
     * Counts redeliveries once their transaction commits: a poll that fails as a whole is applied
     * again record by record, and its redeliveries must not count twice.
     */
    private void redelivered(String topic, int count) {
        AfterCommit.run(transactions,
                () -> meters.counter("beiqin.consumer.redelivered", "topic", topic).increment(count));
    }

    /** Keeps a record that cannot be applied, with the reason; a redelivery of it is kept once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void quarantine(ConsumerRecord<String, String> record, String reason) {
        update("""
                INSERT INTO quarantined_event (topic, partition, record_offset, record_key, payload, reason, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic, partition, record_offset) DO NOTHING""",
                record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                reason == null ? "unknown" : reason, Timestamp.from(clock.instant()));
    }

    /**
     * The quarantine as a holder of {@code scope} may see it, newest first. A record's division is
     * read from its payload's {@code "division"} or, failing that, from its key (discrepancy keys
     * carry it); records of another county are left out. A record in which no division can be
     * found at all (not JSON, a division that is not a code) belongs to nobody's county and is
     * shown to every administrator, since nothing in it could be scoped.
     */
    @Transactional
    public List<Quarantined> quarantined(String scope, int limit) {
        List<Quarantined> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT id, topic, partition, record_offset, record_key, payload, reason, received_at, division
                        FROM (SELECT q.*, coalesce(
                                  substring(q.payload from '"division"\\s*:\\s*"([0-9]{6}(?:[0-9]{3}){0,2})"'),
                                  substring(q.record_key from '/([0-9]{6}(?:[0-9]{3}){0,2})/')) AS division
                              FROM quarantined_event q) q
                        WHERE division IS NULL OR starts_with(division, ?)
                        ORDER BY id DESC LIMIT ?""")) {
            query.setString(1, scope);
            query.setInt(2, limit);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    rows.add(new Quarantined(r.getLong(1), r.getString(2), r.getInt(3), r.getLong(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getTimestamp(8).toInstant(), r.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the quarantine", e);
        }
        return rows;
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("consumed events: " + e.getMessage(), e);
        }
    }

    /** One quarantined record, as admins see it. */
    public record Quarantined(long id, String topic, int partition, long offset, String key, String payload,
            String reason, Instant receivedAt, String division) {
    }
}
