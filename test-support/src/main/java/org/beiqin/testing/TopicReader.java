package org.beiqin.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.beiqin.contract.CloudEventCodec;

import io.cloudevents.CloudEvent;

/**
 * Reads a topic from the moment it is opened, for assertions on what a service published. A
 * plain Kafka consumer with manual assignment: no group, nothing committed.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<Record> seen = new ArrayList<>();

    public TopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
    }

    /** Every record read so far, polling for {@code wait} first. */
    public List<Record> drain(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            pollOnce();
        } while (System.nanoTime() < deadline);
        return List.copyOf(seen);
    }

    /** Waits until a record matching {@code match} has been read, and returns it. */
    public Record await(Predicate<Record> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Record record : seen) {
                if (match.test(record)) {
                    return record;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching record within " + timeout + "; read: " + seen);
            }
            pollOnce();
        }
    }

    public List<Record> seen() {
        return List.copyOf(seen);
    }

    private void pollOnce() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(new Record(record.key(), record.value(), CloudEventCodec.decode(record.value().getBytes(
                    StandardCharsets.UTF_8))));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** One record: its key, its raw JSON and the parsed CloudEvent. */
    public record Record(String key, String json, CloudEvent event) {
        public String type() {
            return event.getType();
        }

        public <T> T data(Class<T> type) {
            return CloudEventCodec.data(event, type);
        }
    }
}
