package org.beiqin.drill.rules;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Rule;
import org.beiqin.drill.Drill;
import org.beiqin.drill.DrillStatus;
import org.beiqin.drill.config.DrillConfig;

/**
 * THREE_OUTAGES_NOT_DRILLED (未针对断网断电断路演练 — notice 002): a township with no conducted drill
 * covering network, power and road outage in the 12 months before flood season (1 June by
 * default). Checked from the county's lead days (30) before the season to the end of that year,
 * for every township the service knows of (any drill of it or its villages); one finding per
 * township and season.
 * <p>Resolved when such a drill is conducted, or imported from the records.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ThreeOutagesRule extends RuleSupport {

    /** A township's standing for one flood season. */
    public record Standing(String township, int season, LocalDate windowStart, LocalDate seasonStart,
            Optional<LocalDate> lastDrilled, boolean checked) {
        public boolean drilled() {
            return lastDrilled.isPresent();
        }

        /**
         * The date arithmetic, without the database: the window is the 12 months before the season
         * starts; the township is checked from {@code leadDays} before that day to the end of the
         * season's year; {@code lastDrilled} is its latest three-outage drill in the window.
         */
        public static Standing of(String township, int season, MonthDay seasonStartDay, int leadDays, LocalDate today,
                Optional<LocalDate> lastDrilled) {
            LocalDate seasonStart = seasonStartDay.atYear(season);
            boolean checked = today.getYear() == season && !today.isBefore(seasonStart.minusDays(leadDays));
            return new Standing(township, season, seasonStart.minusYears(1), seasonStart, lastDrilled, checked);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    DrillConfig config;

    public void sweep() {
        for (String township : townships("")) {
            Standing standing = standing(township, today().getYear());
            if (standing.checked() && !standing.drilled()) {
                discrepancies.open(findings.finding(Rule.THREE_OUTAGES_NOT_DRILLED, township, "township",
                        township + ":" + standing.season(), township,
                        String.format("%s 自 %s 以来未开展断网、断电、断路（三断）演练（汛期自 %s 起）", township,
                                Wording.zh(standing.windowStart()), Wording.zh(standing.seasonStart())),
                        String.format("%s has not drilled network, power and road outage since %s (flood season from %s)",
                                township, standing.windowStart(), standing.seasonStart()),
                        Map.of("season", standing.season(), "since", standing.windowStart().toString(),
                                "seasonStart", standing.seasonStart().toString())));
            }
        }
    }

    /** A three-outage drill was conducted: every open season of its township is resolved. */
    public void conducted(Drill drill) {
        if (!drill.coversThreeOutages() || drill.division.length() < 9) {
            return;
        }
        String township = drill.division.substring(0, 9);
        LocalDate day = drillDay(drill);
        for (int season = day.getYear(); season <= day.getYear() + 1; season++) {
            Standing standing = standing(township, season);
            if (standing.drilled()) {
                discrepancies.resolve(findings.key(Rule.THREE_OUTAGES_NOT_DRILLED, township, "township",
                        township + ":" + season), Findings.text("已开展“三断”演练", "A three-outage drill was held"),
                        Map.of("drillId", drill.id.toString(), "drillDay", day.toString()));
            }
        }
    }

    /** Where a township stands for the flood season of {@code season}. */
    public Standing standing(String township, int season) {
        Instant from = parameters.floodSeasonStart().atYear(season).minusYears(1).atStartOfDay(CHINA).toInstant();
        Instant last = em.createQuery("""
                SELECT max(d.actualStart) FROM Drill d WHERE d.division LIKE ?1 AND d.networkOutage = true
                AND d.powerOutage = true AND d.roadCut = true AND d.status IN ?2 AND d.actualStart >= ?3""",
                Instant.class).setParameter(1, township + "%")
                .setParameter(2, List.of(DrillStatus.CONDUCTED, DrillStatus.EVALUATED)).setParameter(3, from)
                .getSingleResult();
        return Standing.of(township, season, parameters.floodSeasonStart(), parameters.threeOutagesLeadDays(township),
                today(), Optional.ofNullable(last).map(i -> LocalDate.ofInstant(i, CHINA)));
    }

    /** The townships under {@code prefix} (a county, or "" for all): configured, or with any drill. */
    public List<String> townships(String prefix) {
        TreeSet<String> townships = new TreeSet<>(em.createQuery("""
                SELECT DISTINCT substring(d.division, 1, 9) FROM Drill d
                WHERE length(d.division) >= 9 AND d.division LIKE ?1""", String.class)
                .setParameter(1, prefix + "%").getResultList());
        config.townships().orElse(List.of()).stream()
                .filter(t -> t.length() == 9 && (t.startsWith(prefix) || prefix.startsWith(t)))
                .forEach(townships::add);
        return new ArrayList<>(townships);
    }
}
