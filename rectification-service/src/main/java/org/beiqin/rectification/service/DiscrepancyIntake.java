package org.beiqin.rectification.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.beiqin.commons.consumer.ConsumedEvents;
import org.beiqin.commons.consumer.EventLoop;
import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Severity;
import org.beiqin.contract.Topics;
import org.beiqin.rectification.config.RectificationConfig;

import io.cloudevents.CloudEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads {@code preparedness.discrepancies} into the ledger. Each event is applied in its own
 * transaction together with the record of its id, and offsets are committed after that commit
 * (see {@link EventLoop}); an event that is not a usable discrepancy goes to quarantine with the
 * reason. Unknown rules are kept: the ledger stores the rule code as it came.
 */
@ApplicationScoped
public class DiscrepancyIntake {

    static final String GROUP = "rectification-service.discrepancies";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    RectificationConfig config;

    @Inject
    ConsumedEvents consumed;

    @Inject
    Ledger ledger;

    private EventLoop loop;

    void onStart(@Observes StartupEvent event) {
        if (config.consume()) {
            resume();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
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
            loop = new EventLoop(bootstrapServers, GROUP, Topics.DISCREPANCIES, this::apply, consumed);
            loop.start();
        }
    }

    void apply(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEventCodec.decode(record.value() == null ? null
                : record.value().getBytes(StandardCharsets.UTF_8));
        boolean opened = EventTypes.DISCREPANCY_OPENED.equals(event.getType());
        if (!opened && !EventTypes.DISCREPANCY_RESOLVED.equals(event.getType())) {
            throw new EventLoop.Rejected("not a discrepancy event: type " + event.getType());
        }
        Discrepancy finding = CloudEventCodec.data(event, Discrepancy.class);
        List<String> problems = problems(finding);
        if (!problems.isEmpty()) {
            throw new EventLoop.Rejected("discrepancy " + event.getId() + ": " + String.join("; ", problems));
        }
        if (!consumed.firstDelivery(event.getId(), record.topic())) {
            return;
        }
        String source = event.getSource() == null ? "unknown" : event.getSource().toString();
        if (opened) {
            ledger.opened(source, finding);
        } else {
            Instant time = event.getTime() == null ? null : event.getTime().toInstant();
            ledger.resolved(source, finding, time);
        }
    }

    /** What makes a discrepancy unusable for the ledger, in words an admin can act on. */
    static List<String> problems(Discrepancy d) {
        List<String> problems = new ArrayList<>();
        if (d == null) {
            return List.of("no data");
        }
        if (blank(d.key())) {
            problems.add("key missing");
        }
        if (blank(d.rule())) {
            problems.add("rule missing");
        }
        if (d.severity() == null || java.util.Arrays.stream(Severity.values()).noneMatch(s -> s.wire().equals(d.severity()))) {
            problems.add("severity must be high, medium or low, was " + d.severity());
        }
        if (!Divisions.isValid(d.division())) {
            problems.add("division must be a 6, 9 or 12 digit code, was " + d.division());
        }
        if (d.subject() == null || blank(d.subject().type()) || blank(d.subject().id())) {
            problems.add("subject type and id missing");
        }
        if (d.detectedAt() == null) {
            problems.add("detectedAt missing");
        }
        if (d.summary() == null || blank(d.summary().zh())) {
            problems.add("summary.zh missing");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
