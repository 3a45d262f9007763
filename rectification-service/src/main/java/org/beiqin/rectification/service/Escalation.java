package org.beiqin.rectification.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.beiqin.commons.sweep.Sweep;
import org.beiqin.contract.Severity;
import org.beiqin.rectification.Alert;
import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.Measure;
import org.beiqin.rectification.MeasureStatus;
import org.beiqin.rectification.RectificationItem;

import io.quarkus.scheduler.Scheduled;

/**
 * Deadlines, day by day (Asia/Shanghai): a reminder some days before an item's or a measure's
 * deadline, and once the deadline has passed unmet, a high-severity alert to the county office.
 * Each deadline is reminded and escalated once; a new deadline starts afresh. Items that are
 * completed or kept as long-term are not chased; the measures of a long-term item still are.
 */
@ApplicationScoped
public class Escalation extends Sweep<Escalation.Result> {

    /** What one sweep did. */
    public record Result(boolean ran, int itemsReminded, int itemsEscalated, int measuresReminded,
            int measuresEscalated) {
    }

    private static final List<ItemStatus> PURSUED = List.of(ItemStatus.NOT_COMPLETED, ItemStatus.BASICALLY_COMPLETED);

    @Inject
    Clock clock;

    @Inject
    Deadlines deadlines;

    @Inject
    Journal journal;

    Escalation() {
        super("rectification-escalation", new Result(false, 0, 0, 0, 0));
    }

    @ConfigProperty(name = "beiqin.rectification.sweep-every", defaultValue = "15m")
    String every;

    @Scheduled(every = "${beiqin.rectification.sweep-every:15m}", identity = "rectification-escalation",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweepPeriod(every);
    }

    @Override
    protected Result run() {
        // before any item is changed (a query flushes the changes made so far)
        journal.lockFeed();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        int itemsEscalated = 0;
        int itemsReminded = 0;
        List<RectificationItem> due = RectificationItem.list(
                "status in ?1 and deadline <= ?2 and (escalatedFor is null or escalatedFor <> deadline)", PURSUED,
                today.plusDays(deadlines.widestReminder()));
        for (RectificationItem item : due) {
            if (item.deadline.isBefore(today)) {
                item.escalatedFor = item.deadline;
                item.remindedFor = item.deadline;
                journal.alert(item, Alert.Kind.ITEM_OVERDUE, Severity.HIGH.wire(), item.deadline);
                journal.system(item, HistoryEntry.Kind.ESCALATED, Map.of("deadline", item.deadline.toString()));
                itemsEscalated++;
            } else if (!item.deadline.equals(item.remindedFor)
                    && !item.deadline.isAfter(today.plusDays(deadlines.remindDaysBefore(item.division)))) {
                item.remindedFor = item.deadline;
                journal.alert(item, Alert.Kind.ITEM_DUE_SOON, Severity.LOW.wire(), item.deadline);
                journal.system(item, HistoryEntry.Kind.REMINDED, Map.of("deadline", item.deadline.toString()));
                itemsReminded++;
            }
        }
        int measuresEscalated = 0;
        int measuresReminded = 0;
        List<Measure> measures = Measure.list("""
                status <> ?1 and deadline <= ?2 and (escalatedFor is null or escalatedFor <> deadline)
                and itemId in (select i.id from RectificationItem i where i.status <> ?3)""",
                MeasureStatus.DONE, today.plusDays(deadlines.widestReminder()), ItemStatus.COMPLETED);
        for (Measure measure : measures) {
            RectificationItem item = RectificationItem.findById(measure.itemId);
            String what = shorten(measure.description);
            if (measure.deadline.isBefore(today)) {
                measure.escalatedFor = measure.deadline;
                measure.remindedFor = measure.deadline;
                journal.alert(item, Alert.Kind.MEASURE_OVERDUE, Severity.HIGH.wire(), measure.deadline, what);
                journal.system(item, HistoryEntry.Kind.ESCALATED, Map.of("measure", measure.position,
                        "deadline", measure.deadline.toString()));
                measuresEscalated++;
            } else if (!measure.deadline.equals(measure.remindedFor)
                    && !measure.deadline.isAfter(today.plusDays(deadlines.remindDaysBefore(item.division)))) {
                measure.remindedFor = measure.deadline;
                journal.alert(item, Alert.Kind.MEASURE_DUE_SOON, Severity.LOW.wire(), measure.deadline, what);
                journal.system(item, HistoryEntry.Kind.REMINDED, Map.of("measure", measure.position,
                        "deadline", measure.deadline.toString()));
                measuresReminded++;
            }
        }
        return new Result(true, itemsReminded, itemsEscalated, measuresReminded, measuresEscalated);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
