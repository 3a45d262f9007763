package org.beiqin.commons.outbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    /** One encoded outbox row, for a caller that writes it in a statement of its own ({@link #prepare}). */
    public record Row(UUID id, String topic, String recordKey, String type, String payload) {

        /** The columns a row fills, in this record's order. */
        public static final String COLUMNS = "outbox_event (id, topic, record_key, type, payload)";
    }

    /**
     * Encodes one CloudEvent for a caller that writes it together with the change that caused it, in
     * the same statement (a data-modifying {@code WITH}): one round trip instead of two. The caller
     * must insert the row into {@link Row#COLUMNS} in the transaction it runs in; the relay is woken
     * after that transaction commits, as for {@link #enqueue}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Row prepare(Event event) {
        UUID id = UUID.randomUUID();
        byte[] payload = CloudEventCodec.encode(id, config.source(), event.type(), event.subject(), event.time(),
                event.dataSchema(), event.data());
        wakeRelayAfterCommit();
        return new Row(id, event.topic(), event.recordKey(), event.type(), CloudEventCodec.text(payload));
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
        byte[][] payloads = new byte[n][];
        for (int i = 0; i < n; i++) {
            Event event = events.get(i);
            ids[i] = UUID.randomUUID();
            topics[i] = event.topic();
            keys[i] = event.recordKey();
            types[i] = event.type();
            payloads[i] = CloudEventCodec.encode(ids[i], config.source(), event.type(), event.subject(), event.time(),
                    event.dataSchema(), event.data());
        }
        try (Connection connection = dataSource.getConnection()) {
            if (n == 1) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, record_key, type, payload) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setObject(1, ids[0]);
                    insert.setString(2, topics[0]);
                    insert.setString(3, keys[0]);
                    insert.setString(4, types[0]);
                    insert.setString(5, CloudEventCodec.text(payloads[0]));
                    insert.executeUpdate();
                }
            } else {
                // COPY: the fastest way PostgreSQL takes many rows; they take their seq in the order given,
                // the order the relay publishes them in. Binary rows carry each field with its length, so
                // the events go as the UTF-8 bytes they were encoded to (the connection's encoding), with
                // nothing to escape and never decoded into strings and encoded again.
                int size = 21; // signature, flags, header extension, trailer
                for (int i = 0; i < n; i++) {
                    size += 2 + 20 + 4 * 4 + topics[i].length() * 3 + keys[i].length() * 3 + types[i].length() * 3
                            + payloads[i].length;
                }
                CopyRows rows = new CopyRows(size);
                for (int i = 0; i < n; i++) {
                    rows.row(5).uuid(ids[i]).text(topics[i]).text(keys[i]).text(types[i]).text(payloads[i]);
                }
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY outbox_event (id, topic, record_key, type, payload) FROM STDIN (FORMAT binary)",
                        rows.end());
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not write the outbox", e);
        }
        wakeRelayAfterCommit();
        return List.of(ids);
    }

    /**
     * Rows in COPY's binary format: a signature, then per row its field count and each field as its
     * length and bytes (a uuid's 16 bytes, a text's UTF-8), then -1.
     */
    private static final class CopyRows {
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
        private ByteBuffer bytes;

        CopyRows(int capacity) {
            bytes = ByteBuffer.allocate(Math.max(capacity, 64));
            bytes.put(SIGNATURE).putInt(0).putInt(0);
        }

        CopyRows row(int fields) {
            room(2);
            bytes.putShort((short) fields);
            return this;
        }

        CopyRows uuid(UUID value) {
            room(20);
            bytes.putInt(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
            return this;
        }

        CopyRows text(String value) {
            return text(value.getBytes(StandardCharsets.UTF_8));
        }

        CopyRows text(byte[] value) {
            room(4 + value.length);
            bytes.putInt(value.length).put(value);
            return this;
        }

        InputStream end() {
            room(2);
            bytes.putShort((short) -1);
            return new ByteArrayInputStream(bytes.array(), 0, bytes.position());
        }

        private void room(int more) {
            if (bytes.remaining() < more) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(bytes.capacity() * 2, bytes.position() + more));
                bytes.flip();
                bytes = larger.put(bytes);
            }
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) == null) {
            transactions.putResource(OutboxRelay.class, Boolean.TRUE);
            AfterCommit.run(transactions, relay::wakeUp);
        }
    }
}
