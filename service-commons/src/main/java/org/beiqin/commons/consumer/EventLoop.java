package org.beiqin.commons.consumer;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import org.beiqin.contract.CloudEventCodec;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A plain Kafka consumer that applies the records of each poll in one database transaction (each
 * in a transaction of its own when one of them fails) and commits offsets only after those
 * transactions committed. Auto-commit is off, so a crash or
 * restart re-reads what was not committed; the handler records each event id through
 * {@link ConsumedEvents#firstDelivery} so that the re-read changes nothing.
 * <p>
 * A record that cannot be applied — the handler throws {@link Rejected} or
 * {@link CloudEventCodec.MalformedEventException}, or the database refuses its data (SQL state
 * class 22 or 23) — goes to quarantine with the reason, and the records behind it go on. Any other
 * failure (broker or database unreachable) closes the consumer and starts again from the last
 * committed offset after a back-off.
 */
public final class EventLoop {

    private static final Logger LOG = Logger.getLogger(EventLoop.class);

    /**
     * Applies records in their order, inside one transaction: a poll's records together, or one
     * record alone when its poll failed as a whole.
     */
    @FunctionalInterface
    public interface Handler {
        void apply(List<ConsumerRecord<String, String>> records);
    }

    /** The record cannot be applied; the message says why (it is what admins read in quarantine). */
    public static class Rejected extends RuntimeException {
        public Rejected(String reason) {
            super(reason);
        }
    }

    private final String topic;
    private final Map<String, Object> settings;
    private final Handler handler;
    private final ConsumedEvents consumed;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread worker;

    public EventLoop(String bootstrapServers, String groupId, String topic, Handler handler, ConsumedEvents consumed) {
        this.topic = topic;
        this.handler = handler;
        this.consumed = consumed;
        this.settings = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // a replica killed outright is noticed after 10 s, not the client's default 45 s: its
                // partitions pass to the others that much sooner (bench/RESULTS.md, fault run on replicas)
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, topic + "-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops polling; records read but not yet committed are read again by the next start. */
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    private void loop() {
        long backoff = 500;
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(settings)) {
                consumer = c;
                c.subscribe(List.of(topic));
                while (running) {
                    ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                    applyAll(records);
                    if (!records.isEmpty()) {
                        c.commitSync();
                    }
                    backoff = 500;
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s consumer: %s; starting again from the last committed offset in %d ms", topic,
                        e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            } finally {
                consumer = null;
            }
        }
    }

    /**
     * Applies a poll's records in one transaction, in order: one commit for hundreds of events when
     * a backlog is read (a county's first import, a 10,000-line stocktake). When any of them fails,
     * that transaction is rolled back and the records are applied again one by one, each in its
     * own, so that the one that cannot be applied goes to quarantine and the others are kept.
     */
    private void applyAll(ConsumerRecords<String, String> records) {
        if (records.isEmpty()) {
            return;
        }
        if (records.count() > 1) {
            List<ConsumerRecord<String, String>> poll = new ArrayList<>(records.count());
            records.forEach(poll::add);
            try {
                QuarkusTransaction.requiringNew().run(() -> handler.apply(poll));
                return;
            } catch (RuntimeException e) {
                LOG.debugf("%s: a batch of %d records failed (%s); applying them one by one", topic, records.count(),
                        e.getMessage());
            }
        }
        for (ConsumerRecord<String, String> record : records) {
            applyOne(record);
        }
    }

    private void applyOne(ConsumerRecord<String, String> record) {
        String reason;
        try {
            QuarkusTransaction.requiringNew().run(() -> handler.apply(List.of(record)));
            return;
        } catch (Rejected | CloudEventCodec.MalformedEventException e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            reason = refusedByDatabase(e);
            if (reason == null) {
                throw e;
            }
        }
        LOG.warnf("%s record %d@%d kept in quarantine: %s", topic, record.offset(), record.partition(), reason);
        consumed.quarantine(record, reason);
    }

    /** The database's refusal of the data itself (not of the connection), or null. */
    static String refusedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return "database refused the data (" + sql.getSQLState() + "): " + sql.getMessage();
            }
        }
        return null;
    }
}
