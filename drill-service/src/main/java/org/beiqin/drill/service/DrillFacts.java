package org.beiqin.drill.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.beiqin.commons.outbox.Outbox;
import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.DrillChanged;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.drill.Drill;
import org.beiqin.drill.DrillStatus;

import io.quarkus.runtime.StartupEvent;

/**
 * What other services may rely on about a drill: which division holds it and when supplies may be
 * issued for it. The window runs from {@code beiqin.drill.draw-window.before} (7 days) before the
 * day it is scheduled or started, to {@code after} (1 day) after the day it ended; a draft or a
 * cancelled drill has none. Published on {@code drill.drills} with every change (drills made before
 * this was published are announced once at start), and applied again to each draw this service
 * receives.
 */
@ApplicationScoped
public class DrillFacts {


    /** The window, or {@code null} when no draw may name the drill. */
    public record Window(Instant from, Instant until) {
        public boolean contains(Instant at) {
            return !at.isBefore(from) && !at.isAfter(until);
        }
    }

    @ConfigProperty(name = "beiqin.drill.draw-window.before", defaultValue = "P7D")
    Duration before;

    @ConfigProperty(name = "beiqin.drill.draw-window.after", defaultValue = "P1D")
    Duration after;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public Window window(Drill drill) {
        // a draft is not yet a drill anyone may draw for, and a cancelled one no longer is
        if (drill.status == DrillStatus.DRAFT || drill.status == DrillStatus.CANCELLED) {
            return null;
        }
        Instant start = drill.actualStart;
        Instant end = drill.actualEnd;
        if (drill.scheduledOn != null) {
            Instant dayStart = drill.scheduledOn.atStartOfDay(CHINA).toInstant();
            Instant dayEnd = drill.scheduledOn.plusDays(1).atStartOfDay(CHINA).toInstant();
            start = start == null || dayStart.isBefore(start) ? dayStart : start;
            end = end == null || dayEnd.isAfter(end) ? dayEnd : end;
        }
        if (start == null) {
            return null;
        }
        if (end == null) {
            end = start;
        }
        return new Window(start.minus(before), end.plus(after));
    }

    /**
     * Whether a draw from a warehouse of {@code division} at {@code at} may count for the drill: the
     * warehouse and the drill on one line of the division tree (a township's drill, its villages'
     * warehouses, or the county's), and the draw within the window.
     */
    public boolean allows(Drill drill, String division, Instant at) {
        Window window = window(drill);
        return window != null && at != null && Divisions.isValid(division)
                && (Divisions.covers(division, drill.division) || Divisions.covers(drill.division, division))
                && window.contains(at);
    }

    /** Drills never announced (made before drill.drills existed) are announced once at start. */
    @Transactional
    void announceUnannounced(@Observes StartupEvent event) {
        @SuppressWarnings("unchecked")
        List<UUID> missing = Drill.getEntityManager().createNativeQuery("""
                SELECT d.id FROM drill d WHERE NOT EXISTS (
                    SELECT 1 FROM outbox_event o WHERE o.topic = ?1 AND o.record_key = cast(d.id AS text))""", UUID.class)
                .setParameter(1, Topics.DRILLS).getResultList();
        for (UUID id : missing) {
            publish(Drill.findById(id));
        }
    }

    /** Announces the drill as it now is, in the transaction that changed it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Drill drill) {
        Window window = window(drill);
        outbox.enqueue(Topics.DRILLS, drill.id.toString(), EventTypes.DRILL_CHANGED, drill.id.toString(),
                clock.instant(), EventTypes.DRILL_CHANGED_SCHEMA, new DrillChanged(drill.id.toString(),
                        drill.division, drill.title, drill.status.name(), window == null ? null : window.from(),
                        window == null ? null : window.until(), clock.instant()));
    }
}
