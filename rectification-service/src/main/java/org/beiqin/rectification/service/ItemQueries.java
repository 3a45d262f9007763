package org.beiqin.rectification.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.commons.security.Caller;
import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.ItemLine;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.Measure;
import org.beiqin.rectification.MeasureStatus;
import org.beiqin.rectification.RectificationItem;

import org.hibernate.jpa.AvailableHints;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Reads of the ledger, always within the caller's division. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ItemQueries {

    /** A filter over the ledger; null fields do not filter. */
    public record Filter(String division, List<ItemStatus> statuses, String rule, Set<String> severities, LocalDate from,
            LocalDate to, Boolean overdue, Integer dueWithin, String text) {

        public Filter(String division, List<ItemStatus> statuses, String rule, Set<String> severities,
                LocalDate from, LocalDate to, Boolean overdue, String text) {
            this(division, statuses, rule, severities, from, to, overdue, null, text);
        }
    }

    /** The orders the ledger can be read in; each ends with the id, so pages never overlap. */
    public enum Order {
        DETECTED("firstDetectedAt"), DEADLINE("deadline"), DIVISION("division");

        final String field;

        Order(String field) {
            this.field = field;
        }
    }

    public Found list(Filter filter, int page, int size) {
        return list(filter, Order.DETECTED, false, page, size);
    }

    /** Measures of an item: how many, how many done. */
    public record MeasureCount(long total, long done) {
        public static final MeasureCount NONE = new MeasureCount(0, 0);
    }

    public record Found(List<RectificationItem> items, long total, Map<UUID, MeasureCount> measures) {
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public Found list(Filter filter, Order order, boolean ascending, int page, int size) {
        var found = query(filter, order, ascending);
        long total = found.count();
        List<RectificationItem> items = found.page(Page.of(page, size)).list();
        return new Found(items, total, measureCounts(items.stream().map(i -> i.id).toList()));
    }

    /**
     * The first {@code max} items {@link #list} would page through, read from a cursor as they are
     * used rather than all at once: the caller closes the stream and clears the persistence context
     * as it goes. Needs a transaction.
     */
    public Stream<RectificationItem> stream(Filter filter, Order order, boolean ascending, int max) {
        return query(filter, order, ascending).range(0, max - 1).withHint(AvailableHints.HINT_FETCH_SIZE, CURSOR_ROWS)
                .stream();
    }

    /** Rows a cursor fetches at a time. */
    static final int CURSOR_ROWS = 500;

    private PanacheQuery<RectificationItem> query(Filter filter, Order order, boolean ascending) {
        String division = filter.division() == null ? caller.division() : filter.division();
        caller.requireCovers(division);
        StringBuilder query = new StringBuilder("division like :division");
        Parameters parameters = Parameters.with("division", division + "%");
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            query.append(" and status in :statuses");
            parameters.and("statuses", filter.statuses());
        }
        if (filter.rule() != null) {
            query.append(" and rule = :rule");
            parameters.and("rule", filter.rule());
        }
        if (filter.severities() != null && !filter.severities().isEmpty()) {
            query.append(" and severity in :severities");
            parameters.and("severities", filter.severities());
        }
        if (filter.from() != null) {
            query.append(" and firstDetectedAt >= :from");
            parameters.and("from", filter.from().atStartOfDay(CHINA).toInstant());
        }
        if (filter.to() != null) {
            query.append(" and firstDetectedAt < :to");
            parameters.and("to", filter.to().plusDays(1).atStartOfDay(CHINA).toInstant());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            query.append(" and status in :pursued and deadline < :today");
            parameters.and("pursued", List.of(ItemStatus.NOT_COMPLETED, ItemStatus.BASICALLY_COMPLETED))
                    .and("today", LocalDate.now(clock.withZone(CHINA)));
        }
        if (filter.dueWithin() != null) {
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            query.append(" and status in :pursued and deadline >= :today and deadline <= :until");
            parameters.and("pursued", List.of(ItemStatus.NOT_COMPLETED, ItemStatus.BASICALLY_COMPLETED))
                    .and("today", today).and("until", today.plusDays(filter.dueWithin()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // the words in the summaries or the subject, found through their character pairs (V9)
            query.append(" and cast(item_matches(summaryZh, summaryEn, subjectLabel, :text) as Boolean) = true");
            parameters.and("text", filter.text().strip());
        }
        Sort.Direction direction = ascending ? Sort.Direction.Ascending : Sort.Direction.Descending;
        return RectificationItem.find(query.toString(), Sort.by(order.field, direction).and("id", direction), parameters);
    }

    public RectificationItem get(UUID id) {
        RectificationItem item = RectificationItem.findById(id);
        return caller.visibleOr404(item, item == null ? null : item.division, "整改事项", id);
    }

    /** At most {@value #LINES_SHOWN} of an item's lines, open ones first. */
    public List<ItemLine> lines(UUID itemId) {
        return ItemLine.find("itemId = ?1 ORDER BY findingOpen DESC, subjectLabel, key", itemId)
                .page(0, LINES_SHOWN).list();
    }

    public static final int LINES_SHOWN = 500;

    public List<HistoryEntry> history(UUID itemId) {
        return HistoryEntry.list("itemId = ?1 ORDER BY seq", itemId);
    }

    public Map<UUID, MeasureCount> measureCounts(List<UUID> itemIds) {
        Map<UUID, MeasureCount> counts = new HashMap<>();
        if (itemIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = Measure.getEntityManager().createQuery("""
                SELECT m.itemId, count(m), sum(CASE WHEN m.status = :done THEN 1 ELSE 0 END)
                FROM Measure m WHERE m.itemId IN :ids GROUP BY m.itemId""", Object[].class)
                .setParameter("done", MeasureStatus.DONE).setParameter("ids", new ArrayList<>(itemIds))
                .getResultList();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], new MeasureCount(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return counts;
    }

    /**
     * The items first found in a period (Asia/Shanghai days) within {@code scope}, in the order they
     * were found, read {@value #PAGE} at a time as they are used (keyset pages: each an indexed read
     * that starts where the page before ended, so the first items come at once however long the
     * period, and the last page costs what the first did). The scope is the caller's to check.
     */
    public Stream<RectificationItem> firstFoundIn(String scope, LocalDate from, LocalDate to) {
        String found = "division like ?1 and firstDetectedAt >= ?2 and firstDetectedAt < ?3";
        Object[] period = {scope + "%", from.atStartOfDay(CHINA).toInstant(), to.plusDays(1).atStartOfDay(CHINA).toInstant()};
        return paged(last -> last == null
                ? RectificationItem.<RectificationItem>find(found + " order by firstDetectedAt, id", period)
                        .page(0, PAGE).list()
                : RectificationItem.<RectificationItem>find(found + """
                         and firstDetectedAt >= ?4 and (firstDetectedAt, id) > (?4, ?5)
                        order by firstDetectedAt, id""", period[0], period[1], period[2], last.firstDetectedAt, last.id)
                        .page(0, PAGE).list());
    }

    /**
     * The completed (or the other) items first found in a period within {@code scope}, by rule and
     * then in the order they were found: a notice's problems, read {@value #PAGE} at a time.
     */
    public Stream<RectificationItem> foundInByRule(String scope, LocalDate from, LocalDate to, boolean completed) {
        String found = "division like ?1 and firstDetectedAt >= ?2 and firstDetectedAt < ?3 and status "
                + (completed ? "=" : "<>") + " ?4";
        Object[] period = {scope + "%", from.atStartOfDay(CHINA).toInstant(), to.plusDays(1).atStartOfDay(CHINA).toInstant(),
            ItemStatus.COMPLETED};
        return paged(last -> last == null
                ? RectificationItem.<RectificationItem>find(found + " order by rule, firstDetectedAt, id", period)
                        .page(0, PAGE).list()
                : RectificationItem.<RectificationItem>find(found + """
                         and rule >= ?5 and (rule, firstDetectedAt, id) > (?5, ?6, ?7)
                        order by rule, firstDetectedAt, id""", period[0], period[1], period[2], period[3], last.rule,
                        last.firstDetectedAt, last.id).page(0, PAGE).list());
    }

    /** Items a keyset page holds. */
    static final int PAGE = 500;

    /** The items of successive pages, each read when the one before is used up; {@code next} takes the last item read. */
    private static Stream<RectificationItem> paged(Function<RectificationItem, List<RectificationItem>> next) {
        Iterator<RectificationItem> items = new Iterator<>() {
            List<RectificationItem> page = next.apply(null);
            int at;

            @Override
            public boolean hasNext() {
                if (at == page.size() && page.size() == PAGE) {
                    page = next.apply(page.get(PAGE - 1));
                    at = 0;
                }
                return at < page.size();
            }

            @Override
            public RectificationItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(at++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
    }

    /** The measures of some items, in order, by item. */
    public Map<UUID, List<Measure>> measures(List<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        return Measure.<Measure>list("itemId in ?1 order by itemId, position", itemIds).stream()
                .collect(Collectors.groupingBy(m -> m.itemId));
    }
}
