package org.beiqin.rectification.service;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.contract.Severity;
import org.beiqin.rectification.Alert;
import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.RectificationItem;

/** Writes an item's history and the county office's alerts, in the transaction of the change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Journal {

    public static final String SYSTEM_NAME = "系统";

    @Inject
    Clock clock;

    /** The feed's lock: alerts commit in the order of their ids (see {@link #alert}). */
    static final String ALERT_LOCK = "SELECT pg_advisory_xact_lock(hashtext('beiqin.alert'))";

    public void record(UUID itemId, String actor, String actorName, HistoryEntry.Kind kind, Map<String, Object> detail) {
        entry(itemId, actor, actorName, kind, detail).persist();
    }

    /** A history entry, not yet written. */
    HistoryEntry entry(UUID itemId, String actor, String actorName, HistoryEntry.Kind kind, Map<String, Object> detail) {
        HistoryEntry entry = new HistoryEntry();
        entry.itemId = itemId;
        entry.at = clock.instant();
        entry.actor = actor;
        entry.actorName = actorName;
        entry.kind = kind.name();
        entry.detail = detail;
        return entry;
    }

    /** The system's history entry about {@code item}, not yet written. */
    HistoryEntry systemEntry(RectificationItem item, HistoryEntry.Kind kind, Map<String, Object> detail) {
        return entry(item.id, RectificationItem.SYSTEM, SYSTEM_NAME, kind, detail);
    }

    public void system(RectificationItem item, HistoryEntry.Kind kind, Map<String, Object> detail) {
        systemEntry(item, kind, detail).persist();
    }

    /** Raises an alert about {@code item}; {@code args} fill the kind's title after the summary. */
    public Alert alert(RectificationItem item, Alert.Kind kind, String severity, Object... args) {
        return alert(item, item.summaryZh, item.summaryEn == null ? item.summaryZh : item.summaryEn, kind, severity, args);
    }

    /** Raises an alert about {@code item} whose title names it by {@code zh} / {@code en}. */
    public Alert alert(RectificationItem item, String zh, String en, Alert.Kind kind, String severity, Object... args) {
        lockFeed();
        Alert alert = newAlert(item, zh, en, kind, severity, args);
        alert.persist();
        return alert;
    }

    /**
     * Takes the alert feed's lock, held until this transaction ends. Alerts commit in the order of
     * their ids, so a feed that reads "after id n" never skips one that commits late. A transaction
     * that changes items and raises alerts takes it before it locks or writes any item, as the
     * consumer does ({@link Batch#load}): two that took them in other orders could deadlock.
     */
    public void lockFeed() {
        Alert.getEntityManager().createNativeQuery(ALERT_LOCK).getSingleResult();
    }

    /** An alert about {@code item} whose title names it by {@code zh} / {@code en}, not yet written. */
    Alert newAlert(RectificationItem item, String zh, String en, Alert.Kind kind, String severity, Object... args) {
        Alert alert = new Alert();
        alert.itemId = item.id;
        alert.division = item.division;
        alert.severity = severity;
        alert.kind = kind.name();
        alert.titleZh = kind.zh(prepend(zh, args));
        alert.titleEn = kind.en(prepend(en, args));
        alert.createdAt = clock.instant();
        return alert;
    }

    /** An alert about {@code item} titled by its summary, not yet written. */
    Alert newAlert(RectificationItem item, Alert.Kind kind, String severity, Object... args) {
        return newAlert(item, item.summaryZh, item.summaryEn == null ? item.summaryZh : item.summaryEn, kind, severity,
                args);
    }

    /** One step up: a recurrence or an overdue item matters more than the finding did. */
    public static String raised(String severity) {
        return Severity.HIGH.wire().equals(severity) || Severity.MEDIUM.wire().equals(severity)
                ? Severity.HIGH.wire() : Severity.MEDIUM.wire();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
