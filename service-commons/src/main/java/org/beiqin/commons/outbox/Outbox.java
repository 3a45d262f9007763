package org.beiqin.commons.outbox;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.beiqin.commons.tx.AfterCommit;
import org.beiqin.contract.CloudEventCodec;
import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;

/**
 * Writes an event into the outbox table inside the caller's transaction — never "persist, then
 * send". The relay publishes it after the commit; a rolled-back change leaves no event behind.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /** One event to write: where it goes, what it says. */
    public record Event(String topic, String recordKey, String type, String subject, Instant time, String dataSchema,
            Object data) {
    }

    /** Enqueues one CloudEvent; returns its id. Must run inside the transaction of the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String topic, String recordKey, String type, String subject, Instant time, String dataSchema,
            Object data) {
        return enqueueAll(List.of(new Event(topic, recordKey, type, subject, time, dataSchema, data))).get(0);
    }

    /**
     * Enqueues events in the order given, with one statement whatever their number (a stocktake's
     * thousands of corrections); returns their ids in the same order. Must run inside the
     * transaction of the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> enqueueAll(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Event event = events.get(i);
            ids[i] = UUID.randomUUID();
            topics[i] = event.topic();
            keys[i] = event.recordKey();
            types[i] = event.type();
            payloads[i] = CloudEventCodec.text(CloudEventCodec.encode(ids[i], config.source(), event.type(),
                    event.subject(), event.time(), event.dataSchema(), event.data()));
        }
        try (Connection connection = dataSource.getConnection()) {
            if (n == 1) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, record_key, type, payload) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setObject(1, ids[0]);
                    insert.setString(2, topics[0]);
                    insert.setString(3, keys[0]);
                    insert.setString(4, types[0]);
                    insert.setString(5, payloads[0]);
                    insert.executeUpdate();
                }
            } else {
                // COPY: the fastest way PostgreSQL takes many rows; they take their seq in the order given,
                // the order the relay publishes them in
                StringBuilder csv = new StringBuilder(n * 1024);
                for (int i = 0; i < n; i++) {
                    csv.append(ids[i]).append(',');
                    quoted(csv, topics[i]).append(',');
                    quoted(csv, keys[i]).append(',');
                    quoted(csv, types[i]).append(',');
                    quoted(csv, payloads[i]).append('\n');
                }
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY outbox_event (id, topic, record_key, type, payload) FROM STDIN (FORMAT csv)",
                        new StringReader(csv.toString()));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not write the outbox", e);
        }
        wakeRelayAfterCommit();
        return List.of(ids);
    }

    /** A CSV field: in quotes, its quotes doubled. */
    private static StringBuilder quoted(StringBuilder csv, String value) {
        return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) == null) {
            transactions.putResource(OutboxRelay.class, Boolean.TRUE);
            AfterCommit.run(transactions, relay::wakeUp);
        }
    }
}
