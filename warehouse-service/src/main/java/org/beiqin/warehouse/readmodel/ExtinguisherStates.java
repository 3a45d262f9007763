package org.beiqin.warehouse.readmodel;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.beiqin.warehouse.Extinguisher;
import org.beiqin.warehouse.config.RuleParameters;

/** An extinguisher's schedule and last verdict, read from its history. */
@ApplicationScoped
public class ExtinguisherStates {

    public enum RecordKind {
        MONTHLY_CHECK, ANNUAL_INSPECTION, SENT_FOR_SERVICE, RETURNED_FROM_SERVICE, SCRAPPED
    }

    /** The schedule, and whether the latest check, inspection or service found it unusable. */
    public record State(ExtinguisherSchedule schedule, Boolean lastVerdictPassed, LocalDate lastVerdictOn) {
    }

    @Inject
    EntityManager em;

    @Inject
    RuleParameters parameters;

    public State of(Extinguisher e) {
        return of(List.of(e)).get(e.id);
    }

    /** The states of many extinguishers, in two queries for all of them. */
    @SuppressWarnings("unchecked")
    public Map<UUID, State> of(Collection<Extinguisher> extinguishers) {
        Map<UUID, State> states = new HashMap<>();
        if (extinguishers.isEmpty()) {
            return states;
        }
        List<UUID> ids = extinguishers.stream().map(e -> e.id).distinct().toList();
        Map<UUID, Map<RecordKind, LocalDate>> last = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT extinguisher_id, kind, max(on_date) FROM extinguisher_record WHERE extinguisher_id IN (?1)
                GROUP BY extinguisher_id, kind""").setParameter(1, ids).getResultList()) {
            last.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(RecordKind.class))
                    .put(RecordKind.valueOf((String) row[1]), toDate(row[2]));
        }
        Map<UUID, Object[]> verdicts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT DISTINCT ON (extinguisher_id) extinguisher_id, passed, on_date FROM extinguisher_record
                WHERE extinguisher_id IN (?1)
                  AND kind IN ('MONTHLY_CHECK', 'ANNUAL_INSPECTION', 'RETURNED_FROM_SERVICE')
                ORDER BY extinguisher_id, on_date DESC, seq DESC""").setParameter(1, ids).getResultList()) {
            verdicts.put((UUID) row[0], row);
        }
        for (Extinguisher e : extinguishers) {
            Map<RecordKind, LocalDate> dates = last.getOrDefault(e.id, Map.of());
            String agent = e.agent.name();
            ExtinguisherSchedule schedule = ExtinguisherSchedule.of(new ExtinguisherSchedule.Inputs(e.manufacturedOn,
                    LocalDate.ofInstant(e.registeredAt, CHINA), dates.get(RecordKind.MONTHLY_CHECK),
                    dates.get(RecordKind.ANNUAL_INSPECTION), dates.get(RecordKind.RETURNED_FROM_SERVICE),
                    parameters.monthlyCheckDays(e.division), parameters.annualInspectionDays(e.division),
                    parameters.firstServiceYears(e.division, agent), parameters.serviceIntervalYears(e.division, agent),
                    parameters.scrapYears(e.division, agent)));
            Object[] verdict = verdicts.get(e.id);
            states.put(e.id, verdict == null ? new State(schedule, null, null)
                    : new State(schedule, (Boolean) verdict[1], toDate(verdict[2])));
        }
        return states;
    }

    static LocalDate toDate(Object value) {
        return StockQueries.toDate(value);
    }
}
