package org.beiqin.rectification.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
 * committed after that commit (see {@link EventLoop}); an event that is not a usable discrepancy
 * goes to quarantine with the reason. Unknown rules are kept: the ledger stores the rule code as it came.
 */
@ApplicationScoped
public class DiscrepancyIntake extends TopicConsumer {

    static final String GROUP = "rectification-service.discrepancies";

    @Inject
    RectificationConfig config;

    @Inject
    Ledger ledger;

    @Inject
    EntityManager em;

    @Override
    protected Subscription subscription() {
        return new Subscription(GROUP, Topics.DISCREPANCIES, config.consume());
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) {
        CloudEvent event = event(record, "a discrepancy event", EventTypes.DISCREPANCY_OPENED,
                EventTypes.DISCREPANCY_UPDATED, EventTypes.DISCREPANCY_RESOLVED);
        Discrepancy finding = CloudEventCodec.data(event, Discrepancy.class);
        List<String> problems = problems(finding);
        if (!problems.isEmpty()) {
            throw new EventLoop.Rejected("discrepancy " + event.getId() + ": " + String.join("; ", problems));
        }
        if (!consumed.firstDelivery(event.getId(), record.topic())) {
            return;
        }
        String source = event.getSource() == null ? "unknown" : event.getSource().toString();
        switch (event.getType()) {
            case EventTypes.DISCREPANCY_OPENED -> ledger.opened(source, finding);
            case EventTypes.DISCREPANCY_UPDATED -> ledger.updated(source, finding);
            default -> ledger.resolved(source, finding,
                    event.getTime() == null ? null : event.getTime().toInstant());
        }
        // the event's changes are written now and its entities let go: the next event of the poll
        // starts with an empty persistence context, instead of every query of every later event
        // checking each entity of the poll so far for changes (quadratic in the poll's size)
        em.flush();
        em.clear();
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
