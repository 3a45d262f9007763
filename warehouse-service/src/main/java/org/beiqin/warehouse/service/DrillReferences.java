package org.beiqin.warehouse.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.beiqin.commons.consumer.EventLoop;
import org.beiqin.commons.consumer.TopicConsumer;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.DrillChanged;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.config.WarehouseConfig;
import org.beiqin.warehouse.readmodel.Times;

import io.cloudevents.CloudEvent;

/**
 * The drills a stock issue (or equipment back from use) may name, from {@code drill.drills}: a
 * reference to a drill is accepted only when the drill service announced it, it belongs to the
 * warehouse's line of the division tree (the township's own drill, its villages', or the
 * county's), and the draw falls in its window. Anything else is refused at once with a problem
 * the keeper can read — never stored to resolve another township's finding.
 */
@ApplicationScoped
public class DrillReferences extends TopicConsumer {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(CHINA);

    @Inject
    WarehouseConfig config;

    @Inject
    EntityManager em;

    @Override
    protected Subscription subscription() {
        return new Subscription("warehouse-service.drills", Topics.DRILLS, config.drills().consume());
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) {
        CloudEvent event = event(record, "a drill event", EventTypes.DRILL_CHANGED);
        DrillChanged drill = CloudEventCodec.data(event, DrillChanged.class);
        UUID id = uuid(drill.drillId());
        if (id == null || !Divisions.isValid(drill.division()) || drill.changedAt() == null || drill.status() == null) {
            throw new EventLoop.Rejected("drill event " + event.getId() + " lacks an id, a valid division, status or changedAt");
        }
        if (!consumed.firstDelivery(event.getId(), record.topic())) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO drill_reference (drill_id, division, title, status, draw_from, draw_until, changed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (drill_id) DO UPDATE SET division = EXCLUDED.division, title = EXCLUDED.title,
                    status = EXCLUDED.status, draw_from = EXCLUDED.draw_from, draw_until = EXCLUDED.draw_until,
                    changed_at = EXCLUDED.changed_at
                WHERE drill_reference.changed_at <= EXCLUDED.changed_at""")
                .setParameter(1, id).setParameter(2, drill.division())
                .setParameter(3, drill.title() == null ? "" : drill.title()).setParameter(4, drill.status())
                .setParameter(5, drill.drawFrom()).setParameter(6, drill.drawUntil())
                .setParameter(7, drill.changedAt()).executeUpdate();
    }

    /**
     * Refuses (422, naming {@code field}) a drill reference that this warehouse may not make at
     * {@code at}. References to incidents are not checked: there is no incident register.
     */
    public void requireUsable(String type, String id, Warehouse warehouse, Instant at, String field) {
        if (!"drill".equals(type)) {
            return;
        }
        UUID drillId = uuid(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = drillId == null ? List.of() : em.createNativeQuery("""
                SELECT division, title, draw_from, draw_until FROM drill_reference WHERE drill_id = ?1""")
                .setParameter(1, drillId).getResultList();
        Object[] row = rows.isEmpty() ? null : rows.get(0);
        String division = row == null ? null : (String) row[0];
        if (division == null || !(Divisions.covers(warehouse.division, division)
                || Divisions.covers(division, warehouse.division))) {
            throw new ProblemException(422, "drill-unknown", List.of(new ProblemException.FieldError(field,
                    "reference.drill-unknown")), Map.of(), id);
        }
        Instant from = Times.instant(row[2]);
        Instant until = Times.instant(row[3]);
        if (from == null || until == null) {
            throw new ProblemException(422, "drill-closed", List.of(new ProblemException.FieldError(field,
                    "reference.drill-closed")), Map.of(), row[1]);
        }
        if (at.isBefore(from) || at.isAfter(until)) {
            throw new ProblemException(422, "drill-window", List.of(new ProblemException.FieldError(field,
                    "reference.drill-window")), Map.of("drawFrom", from, "drawUntil", until), row[1],
                    MINUTE.format(from), MINUTE.format(until));
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
