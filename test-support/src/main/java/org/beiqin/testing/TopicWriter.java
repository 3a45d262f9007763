package org.beiqin.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.beiqin.contract.CloudEventCodec;

/**
 * Writes records to the test broker as a producing service would — CloudEvents from
 * {@link CloudEventCodec}, keyed as the contract says — or, for quarantine tests, anything at all.
 * Each send waits for the broker's acknowledgement.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    /** Sends a CloudEvent with a fresh id; returns the id. */
    public UUID event(String topic, String key, String source, String type, Instant time, String dataSchema,
            Object data) {
        UUID id = UUID.randomUUID();
        event(topic, key, id, source, type, time, dataSchema, data);
        return id;
    }

    /** Sends a CloudEvent with the given id (a redelivery, when the id was sent before). */
    public void event(String topic, String key, UUID id, String source, String type, Instant time, String dataSchema,
            Object data) {
        byte[] document = CloudEventCodec.encode(id, source, type, key, time, dataSchema, data);
        raw(topic, key, new String(document, StandardCharsets.UTF_8));
    }

    /** Sends any value, valid or not. */
    public void raw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
