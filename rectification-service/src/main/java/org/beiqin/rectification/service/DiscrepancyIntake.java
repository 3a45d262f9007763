package org.beiqin.rectification.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.beiqin.commons.consumer.EventLoop;
import org.beiqin.commons.consumer.TopicConsumer;
import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Severity;
import org.beiqin.contract.Topics;
import org.beiqin.rectification.config.RectificationConfig;

import io.cloudevents.CloudEvent;

/**
 * Reads {@code preparedness.discrepancies} into the ledger. Each event is applied together with the
 * record of its id, in one transaction with the other events of its poll, and offsets are
 * committed after that commit (see {@link EventLoop}); the poll is applied as a set ({@link #applyAll}); an event that is not a usable discrepancy
 * goes to quarantine with the reason. Unknown rules are kept: the ledger stores the rule code as it came.
 */
@ApplicationScoped
public class DiscrepancyIntake extends TopicConsumer {

    static final String GROUP = "rectification-service.discrepancies";

    @Inject
    RectificationConfig config;

    @Inject
    Ledger ledger;

    @Override
    protected Subscription subscription() {
        return new Subscription(GROUP, Topics.DISCREPANCIES, config.consume());
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) {
        applyAll(List.of(record));
    }

    /**
     * Applies a poll as a set: every record is read and checked first (one that cannot be applied
     * fails the poll, and {@link EventLoop} then applies each record alone, sending that one to
     * quarantine); the event ids are recorded in one statement; the items and lines the findings
     * name are read and locked in one query each; each event then changes them in memory, in the
     * poll's order; and the poll is written at the end ({@link Batch}).
     */
    @Override
    protected void applyAll(List<ConsumerRecord<String, String>> records) {
        List<Received> received = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            CloudEvent event = event(record, "a discrepancy event", EventTypes.DISCREPANCY_OPENED,
                    EventTypes.DISCREPANCY_UPDATED, EventTypes.DISCREPANCY_RESOLVED);
            Discrepancy finding = CloudEventCodec.data(event, Discrepancy.class);
            List<String> problems = problems(finding);
            if (!problems.isEmpty()) {
                throw new EventLoop.Rejected("discrepancy " + event.getId() + ": " + String.join("; ", problems));
            }
            received.add(new Received(event, finding));
        }
        Set<String> first = consumed.firstDeliveries(received.stream().map(r -> r.event().getId()).toList(),
                records.get(0).topic());
        // an id seen before, or sent twice within the poll, changes nothing the second time
        List<Received> fresh = received.stream().filter(r -> first.remove(r.event().getId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Batch batch = ledger.begin(fresh.stream().map(Received::finding).toList());
        for (Received r : fresh) {
            CloudEvent event = r.event();
            String source = event.getSource() == null ? "unknown" : event.getSource().toString();
            switch (event.getType()) {
                case EventTypes.DISCREPANCY_OPENED -> ledger.opened(batch, source, r.finding());
                case EventTypes.DISCREPANCY_UPDATED -> ledger.updated(batch, source, r.finding());
                default -> ledger.resolved(batch, source, r.finding(),
                        event.getTime() == null ? null : event.getTime().toInstant());
            }
        }
        batch.write();
    }

    private record Received(CloudEvent event, Discrepancy finding) {
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
        if (d.severity() == null || Arrays.stream(Severity.values()).noneMatch(s -> s.wire().equals(d.severity()))) {
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
        if (d.source() != null && (blank(d.source().type()) || blank(d.source().id()))) {
            problems.add("source type and id missing");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
