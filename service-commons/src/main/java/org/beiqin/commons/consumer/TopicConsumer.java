package org.beiqin.commons.consumer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.beiqin.contract.CloudEventCodec;

import io.cloudevents.CloudEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * A service's consumer of one topic on the shared {@link EventLoop}, started with the application
 * (when its {@link Subscription} is enabled) and stopped with it. A subclass names its group and topic and applies
 * one record, inside that record's transaction; {@link #event} reads the record as a CloudEvent of
 * the expected types or rejects it into quarantine.
 */
public abstract class TopicConsumer {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    @Inject
    protected ConsumedEvents consumed;

    private EventLoop loop;

    /**
     * What to consume: the consumer group (one per service and topic), the topic, and whether this
     * replica consumes at all (tests and some replicas turn it off).
     */
    public record Subscription(String group, String topic, boolean enabled) {
    }

    protected abstract Subscription subscription();

    /** Applies one record; throw {@link EventLoop.Rejected} for one that cannot be. */
    protected abstract void apply(ConsumerRecord<String, String> record);

    /**
     * Applies a poll's records in order, in one transaction; one by one unless a consumer knows
     * how to apply them as a set. When it throws, each record is applied again alone.
     */
    protected void applyAll(List<ConsumerRecord<String, String>> records) {
        records.forEach(this::apply);
    }

    protected void onStart(@Observes StartupEvent event) {
        if (subscription().enabled()) {
            resume();
        }
    }

    protected void onStop(@Observes ShutdownEvent event) {
        pause();
    }

    /** Stops consuming; what was read and not committed is read again by {@link #resume()}. */
    public synchronized void pause() {
        if (loop != null) {
            loop.stop();
            loop = null;
        }
    }

    public synchronized void resume() {
        if (loop == null) {
            Subscription subscription = subscription();
            loop = new EventLoop(bootstrapServers, subscription.group(), subscription.topic(), this::applyAll, consumed);
            loop.start();
        }
    }

    /** The record's CloudEvent when its type is one of {@code types}; otherwise the record is rejected. */
    protected static CloudEvent event(ConsumerRecord<String, String> record, String what, String... types) {
        CloudEvent event = CloudEventCodec.decode(record.value() == null ? null
                : record.value().getBytes(StandardCharsets.UTF_8));
        if (!Arrays.asList(types).contains(event.getType())) {
            throw new EventLoop.Rejected("not " + what + ": type " + event.getType());
        }
        return event;
    }
}
