package org.beiqin.commons.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.beiqin.contract.CloudEventCodec;

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

    /** Enqueues one CloudEvent; returns its id. Must run inside the transaction of the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String topic, String recordKey, String type, String subject, Instant time, String dataSchema,
            Object data) {
        UUID id = UUID.randomUUID();
        byte[] document = CloudEventCodec.encode(id, config.source(), type, subject, time, dataSchema, data);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, record_key, type, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, recordKey);
            insert.setString(4, type);
            insert.setString(5, CloudEventCodec.text(document));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the outbox", e);
        }
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) == null) {
            transactions.putResource(OutboxRelay.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wakeUp();
                    }
                }
            });
        }
    }
}
