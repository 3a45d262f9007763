package org.beiqin.warehouse.readmodel;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    @SuppressWarnings("unchecked")
    public State of(Extinguisher e) {
        Map<RecordKind, LocalDate> last = new EnumMap<>(RecordKind.class);
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "SELECT kind, max(on_date) FROM extinguisher_record WHERE extinguisher_id = ?1 GROUP BY kind")
                .setParameter(1, e.id).getResultList()) {
            last.put(RecordKind.valueOf((String) row[0]), toDate(row[1]));
        }
        List<Object[]> verdict = em.createNativeQuery("""
                SELECT passed, on_date FROM extinguisher_record
                WHERE extinguisher_id = ?1 AND kind IN ('MONTHLY_CHECK', 'ANNUAL_INSPECTION', 'RETURNED_FROM_SERVICE')
                ORDER BY on_date DESC, seq DESC LIMIT 1""").setParameter(1, e.id).getResultList();
        String agent = e.agent.name();
        ExtinguisherSchedule schedule = ExtinguisherSchedule.of(new ExtinguisherSchedule.Inputs(e.manufacturedOn,
                LocalDate.ofInstant(e.registeredAt, CHINA), last.get(RecordKind.MONTHLY_CHECK),
                last.get(RecordKind.ANNUAL_INSPECTION), last.get(RecordKind.RETURNED_FROM_SERVICE),
                parameters.monthlyCheckDays(e.division), parameters.annualInspectionDays(e.division),
                parameters.firstServiceYears(e.division, agent), parameters.serviceIntervalYears(e.division, agent),
                parameters.scrapYears(e.division, agent)));
        return verdict.isEmpty() ? new State(schedule, null, null)
                : new State(schedule, (Boolean) verdict.get(0)[0], toDate(verdict.get(0)[1]));
    }

    static LocalDate toDate(Object value) {
        return StockQueries.toDate(value);
    }
}
