package org.beiqin.rectification.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;

/**
 * The totals a county office reports: per county, township, division, responsible unit or rule,
 * over the items first found in a period — counts per status, completion rates of items and of
 * measures, average days to close and recurrences. Statuses are as they stand now ("截至" the day
 * the figures are drawn), as the notices count them.
 * <p>
 * Rates are percentages cut (not rounded) to one decimal, as the notices print them: 84 of 87
 * measures is 96.5 %, never 96.6 % — a completion rate must not overstate what was done.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Statistics {

    /** How items are grouped, and how a group is named. */
    public enum GroupBy {
        COUNTY("left(i.division, 6)"),
        TOWNSHIP("left(i.division, 9)"),
        DIVISION("i.division"),
        UNIT("coalesce(i.responsible_department, '')"),
        RULE("i.rule");

        final String sql;

        GroupBy(String sql) {
            this.sql = sql;
        }

        public static GroupBy parse(String value) {
            for (GroupBy g : values()) {
                if (g.name().equalsIgnoreCase(value)) {
                    return g;
                }
            }
            throw ProblemException.unprocessable("group-by-invalid", value);
        }
    }

    /** One line of figures; {@code key} is null on the total line. */
    public record Row(String key, String label, long items, long completed, long basicallyCompleted, long longTerm,
            long notCompleted, BigDecimal itemCompletionRate, long measures, long measuresDone,
            BigDecimal measureCompletionRate, BigDecimal averageDaysToClose, long recurrences) {
    }

    public record Report(String division, String divisionName, LocalDate from, LocalDate to, String groupBy, Row total,
            List<Row> groups) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    DivisionNames names;

    public Report report(String division, LocalDate from, LocalDate to, GroupBy groupBy, Locale locale) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        Period period = Period.of(from, to, LocalDate.now(clock.withZone(CHINA)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT grp, GROUPING(grp) AS is_total, count(*),
                       count(*) FILTER (WHERE status = 'COMPLETED'),
                       count(*) FILTER (WHERE status = 'BASICALLY_COMPLETED'),
                       count(*) FILTER (WHERE status = 'LONG_TERM'),
                       count(*) FILTER (WHERE status = 'NOT_COMPLETED'),
                       coalesce(sum(measure_count), 0), coalesce(sum(measures_done), 0),
                       avg(extract(epoch FROM closed_at - detected_at) / 86400.0) FILTER (WHERE status = 'COMPLETED'),
                       coalesce(sum(recurrences), 0)
                FROM (SELECT %s AS grp, i.status, i.closed_at, i.detected_at, i.recurrences, i.measure_count,
                             i.measures_done
                      FROM rectification_item i
                      WHERE i.division LIKE ?1 AND i.first_detected_at >= ?2 AND i.first_detected_at < ?3) items
                GROUP BY GROUPING SETS ((grp), ())
                ORDER BY GROUPING(grp), grp""".formatted(groupBy.sql))
                .setParameter(1, scope + "%")
                .setParameter(2, Timestamp.from(period.from().atStartOfDay(CHINA).toInstant()))
                .setParameter(3, Timestamp.from(period.to().plusDays(1).atStartOfDay(CHINA).toInstant()))
                .getResultList();
        Row total = new Row(null, null, 0, 0, 0, 0, 0, null, 0, 0, null, null, 0);
        List<Row> groups = new ArrayList<>();
        for (Object[] r : rows) {
            String key = (String) r[0];
            boolean isTotal = ((Number) r[1]).intValue() == 1;
            Row row = row(isTotal ? null : key, isTotal ? null : label(groupBy, key, locale), r);
            if (isTotal) {
                total = row;
            } else {
                groups.add(row);
            }
        }
        return new Report(scope, names.name(scope), period.from(), period.to(), groupBy.name().toLowerCase(Locale.ROOT),
                total, groups);
    }

    private String label(GroupBy groupBy, String key, Locale locale) {
        return switch (groupBy) {
            case RULE -> Messages.get(locale, "rule." + key);
            case UNIT -> key.isEmpty() ? (Locale.ENGLISH.equals(locale) ? "(no unit named)" : "未明确责任部门") : key;
            default -> names.name(key);
        };
    }

    private static Row row(String key, String label, Object[] r) {
        long items = n(r[2]);
        long completed = n(r[3]);
        long measures = n(r[7]);
        long done = n(r[8]);
        BigDecimal days = r[9] == null ? null : new BigDecimal(r[9].toString()).setScale(1, RoundingMode.HALF_UP);
        return new Row(key, label, items, completed, n(r[4]), n(r[5]), n(r[6]), percent(completed, items), measures,
                done, percent(done, measures), days, n(r[10]));
    }

    /** Cut to one decimal, never rounded up; null when there is nothing to divide. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.DOWN);
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A period of Asia/Shanghai days; by default the current year up to today. */
    public record Period(LocalDate from, LocalDate to) {
        public static Period of(LocalDate from, LocalDate to, LocalDate today) {
            LocalDate end = to == null ? today : to;
            LocalDate start = from == null ? end.withDayOfYear(1) : from;
            if (start.isAfter(end)) {
                throw ProblemException.unprocessable("period-invalid", start, end);
            }
            return new Period(start, end);
        }
    }
}
