package org.beiqin.rectification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.Messages;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Severity;
import org.beiqin.rectification.Alert;
import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.ItemLine;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.RectificationItem;

/**
 * Turns discrepancy events into the ledger. {@code opened} creates the item for its key, or
 * reopens it when the problem recurs after it ended; {@code updated} brings the item's text and
 * facts up to date (no status change, an alert only when the severity rises); {@code resolved}
 * marks it verified by the system with the resolution as evidence.
 * <p>
 * A finding that names a {@code source} document (a stocktake) is a <em>line</em> of the item
 * keyed by that source: one item and one alert however many lines, completed by the system when
 * its last open line is resolved, reopened when a line opens again.
 * <p>
 * Runs in the consumer's transaction, after the event id was recorded, so each event takes effect
 * once; per key the events arrive in order (opened → updated* → resolved).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    @Inject
    Clock clock;

    @Inject
    Deadlines deadlines;

    @Inject
    Journal journal;

    public RectificationItem opened(String source, Discrepancy finding) {
        if (finding.source() != null && !legacyOpen(finding)) {
            return lineOpened(source, finding);
        }
        RectificationItem item = RectificationItem.byKey(finding.key());
        if (item == null) {
            item = create(source, finding, finding.key());
            describe(item, finding);
            journal.system(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                    finding.detectedAt().toString()));
            journal.alert(item, Alert.Kind.OPENED, item.severity);
            return item;
        }
        if (item.findingOpen) {
            // the producer said it again within the same episode: newer facts, not a new problem
            return updated(source, finding);
        }
        describe(item, finding);
        reopen(item, finding.detectedAt());
        return item;
    }

    /** The open finding's facts changed: the item says what is true now. */
    public RectificationItem updated(String source, Discrepancy finding) {
        if (finding.source() != null && !legacy(finding)) {
            return lineUpdated(source, finding);
        }
        RectificationItem item = RectificationItem.byKey(finding.key());
        if (item == null) {
            // its opened event predates this ledger (or the topic's retention)
            return opened(source, finding);
        }
        String before = item.severity;
        Map<String, Object> change = change(item.summaryZh, item.summaryEn, finding);
        describe(item, finding);
        item.updatedAt = clock.instant();
        journal.system(item, HistoryEntry.Kind.FINDING_UPDATED, change);
        alertIfWorse(item, before);
        return item;
    }

    public RectificationItem resolved(String source, Discrepancy finding, Instant eventTime) {
        Discrepancy.Resolution resolution = finding.resolution();
        Instant resolvedAt = resolution != null && resolution.resolvedAt() != null ? resolution.resolvedAt()
                : eventTime != null ? eventTime : clock.instant();
        if (finding.source() != null && !legacy(finding)) {
            return lineResolved(source, finding, resolvedAt);
        }
        RectificationItem item = RectificationItem.byKey(finding.key());
        if (item == null) {
            // its opened event predates this ledger (or the topic's retention): keep the history anyway
            item = create(source, finding, finding.key());
            describe(item, finding);
            journal.system(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                    finding.detectedAt().toString(), "note", "resolved before it was seen open"));
        }
        item.findingOpen = false;
        item.resolution = resolutionMap(resolution, resolvedAt);
        close(item, resolvedAt, evidenceText(resolution));
        return item;
    }

    // ---- lines of a source document ----

    /**
     * A finding that became an item of its own before findings were grouped by source: its
     * episode runs to the end on that item, and only a new episode joins its document's item.
     */
    private static boolean legacy(Discrepancy finding) {
        return ItemLine.findById(finding.key()) == null && RectificationItem.byKey(finding.key()) != null;
    }

    private static boolean legacyOpen(Discrepancy finding) {
        if (ItemLine.findById(finding.key()) != null) {
            return false;
        }
        RectificationItem own = RectificationItem.byKey(finding.key());
        return own != null && own.findingOpen;
    }

    private RectificationItem lineOpened(String source, Discrepancy finding) {
        ItemLine open = ItemLine.findById(finding.key());
        if (open != null && open.findingOpen) {
            // said again within its episode: newer facts for the line it already is
            return lineUpdated(source, finding);
        }
        String itemKey = itemKey(finding);
        RectificationItem item = lockedByKey(itemKey);
        boolean created = item == null;
        if (created) {
            item = create(source, finding, itemKey);
            describeSource(item, finding);
        }
        ItemLine line = ItemLine.findById(finding.key());
        if (line != null && !line.itemId.equals(item.id) && !line.findingOpen) {
            // a new episode found by another document: the old document keeps its resolved line
            // (under a key of its own), and this one gets a line of its own
            archive(line);
            line = null;
        }
        if (line == null) {
            line = new ItemLine();
            line.key = finding.key();
            line.itemId = item.id;
            describe(line, finding);
            line.findingOpen = true;
            line.persist();
            item.lineCount++;
            item.openLineCount++;
        } else {
            describe(line, finding);
            line.findingOpen = true;
            line.resolvedAt = null;
            line.resolution = null;
            item.openLineCount++;
        }
        String before = item.severity;
        item.severity = worst(item.severity, line.severity);
        summarize(item);
        if (created) {
            journal.system(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                    finding.detectedAt().toString(), "document", documentLabel(finding)));
            // one alert for the document, however many lines follow: it names the document and the rule
            boolean mismatch = "LEDGER_MISMATCH".equals(item.rule);
            journal.alert(item,
                    item.subjectLabel + "：" + (mismatch ? "账实不符" : Messages.get(Messages.CHINESE, "rule." + item.rule)),
                    item.subjectLabel + ": " + (mismatch ? "counts differ from the ledger"
                            : Messages.get(Locale.ENGLISH, "rule." + item.rule)),
                    Alert.Kind.OPENED, item.severity);
        } else if (!item.findingOpen) {
            reopen(item, finding.detectedAt());
        } else {
            item.updatedAt = clock.instant();
            if (finding.detectedAt().isAfter(item.detectedAt.plusSeconds(60))) {
                // lines found with the document (one submission) need no word each; one found later does
                journal.system(item, HistoryEntry.Kind.LINE_OPENED, Map.of("line", lineLabel(line)));
            }
            alertIfWorse(item, before);
        }
        return item;
    }

    private RectificationItem lineUpdated(String source, Discrepancy finding) {
        ItemLine line = ItemLine.findById(finding.key());
        if (line == null || !line.findingOpen) {
            return lineOpened(source, finding);
        }
        RectificationItem item = RectificationItem.findById(line.itemId, LockModeType.PESSIMISTIC_WRITE);
        // counted again in another document while still open, it stays the line of the document
        // that found it: its text says what the latest count says
        describe(line, finding);
        String before = item.severity;
        item.severity = worst(item.severity, line.severity);
        summarize(item);
        item.updatedAt = clock.instant();
        alertIfWorse(item, before);
        return item;
    }

    private RectificationItem lineResolved(String source, Discrepancy finding, Instant resolvedAt) {
        ItemLine line = ItemLine.findById(finding.key());
        RectificationItem item;
        if (line == null) {
            // resolved before it was seen open (its opened event predates this ledger): keep it, resolved
            item = lockedByKey(itemKey(finding));
            if (item == null) {
                item = create(source, finding, itemKey(finding));
                describeSource(item, finding);
                journal.system(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                        finding.detectedAt().toString(), "note", "resolved before it was seen open"));
            }
            line = new ItemLine();
            line.key = finding.key();
            line.itemId = item.id;
            describe(line, finding);
            line.persist();
            item.lineCount++;
        } else {
            item = RectificationItem.findById(line.itemId, LockModeType.PESSIMISTIC_WRITE);
            if (line.findingOpen) {
                item.openLineCount--;
            }
        }
        line.findingOpen = false;
        line.resolvedAt = resolvedAt;
        line.resolution = resolutionMap(finding.resolution(), resolvedAt);
        line.updatedAt = clock.instant();
        settle(item, resolvedAt);
        return item;
    }

    /** After a line changed: the item's text, and the system's verification once no line is open. */
    private void settle(RectificationItem item, Instant at) {
        LineCount count = count(item);
        summarize(item, count);
        item.updatedAt = clock.instant();
        if (count.open() == 0 && item.findingOpen) {
            item.findingOpen = false;
            item.resolution = Map.of("resolvedAt", at.toString(), "lines", count.total());
            close(item, at, "系统核验：" + count.total() + " 项均已消除");
        }
    }

    /** Keeps a resolved line on its item under a key of its own, so its key can start a line elsewhere. */
    private static void archive(ItemLine line) {
        ItemLine.flush();
        ItemLine.getEntityManager().createNativeQuery(
                "UPDATE item_line SET discrepancy_key = discrepancy_key || '@' || gen_random_uuid() WHERE discrepancy_key = ?1")
                .setParameter(1, line.key).executeUpdate();
        ItemLine.getEntityManager().detach(line);
    }

    private void summarize(RectificationItem item) {
        summarize(item, count(item));
    }

    private static void summarize(RectificationItem item, LineCount count) {
        String document = item.subjectLabel == null ? item.subjectId : item.subjectLabel;
        String zhNoun = "LEDGER_MISMATCH".equals(item.rule) ? "账实不符" : "问题";
        String enNoun = "LEDGER_MISMATCH".equals(item.rule) ? "counts differing from the ledger" : "findings";
        long resolved = count.total() - count.open();
        item.summaryZh = document + "：" + count.total() + " 项" + zhNoun
                + (resolved > 0 && count.open() > 0 ? "，已解决 " + resolved + " 项" : "");
        item.summaryEn = document + ": " + count.total() + " " + enNoun
                + (resolved > 0 && count.open() > 0 ? ", " + resolved + " resolved" : "");
        item.evidence = Map.of("lines", count.total(), "openLines", count.open());
    }

    record LineCount(long total, long open) {
    }

    /** The item's lines, as counted while they opened and resolved (V6). */
    private static LineCount count(RectificationItem item) {
        return new LineCount(item.lineCount, item.openLineCount);
    }

    /** The item of a source document: {@code <service>/<division>/<RULE>/<source type>/<source id>}. */
    static String itemKey(Discrepancy finding) {
        String service = finding.key().substring(0, Math.max(0, finding.key().indexOf('/')));
        return Discrepancy.key(service, finding.division(), finding.rule(), finding.source().type(),
                finding.source().id());
    }

    /**
     * The document's item, locked. The lock is taken on the key first, so that replicas applying
     * two lines of a new document at once create its item once (a row lock alone cannot hold a
     * row that does not exist yet).
     */
    private static RectificationItem lockedByKey(String key) {
        RectificationItem.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, key).getSingleResult();
        return RectificationItem.find("key", key).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private static String documentLabel(Discrepancy finding) {
        return finding.source().label() == null ? finding.source().id() : finding.source().label();
    }

    private static String lineLabel(ItemLine line) {
        return line.subjectLabel == null ? line.subjectId : line.subjectLabel;
    }

    // ---- items ----

    private void reopen(RectificationItem item, Instant detectedAt) {
        ItemStatus before = item.status;
        item.findingOpen = true;
        item.recurrences++;
        item.detectedAt = detectedAt;
        item.resolution = null;
        if (before == ItemStatus.COMPLETED) {
            item.status = ItemStatus.NOT_COMPLETED;
            item.verifiedBy = null;
            item.verifiedByName = null;
            item.verifiedAt = null;
            item.verificationEvidence = null;
            item.closedAt = null;
            item.deadline = deadlines.defaultDeadline(item.division, item.severity, detectedAt);
        }
        item.updatedAt = clock.instant();
        journal.system(item, HistoryEntry.Kind.REOPENED, Map.of("recurrences", item.recurrences,
                "previousStatus", before.name(), "detectedAt", detectedAt.toString()));
        journal.alert(item, Alert.Kind.REOPENED, Journal.raised(item.severity), item.recurrences);
    }

    private void close(RectificationItem item, Instant resolvedAt, String evidence) {
        boolean closes = item.status != ItemStatus.COMPLETED;
        if (closes) {
            item.status = ItemStatus.COMPLETED;
            item.verifiedBy = RectificationItem.SYSTEM;
            item.verifiedByName = Journal.SYSTEM_NAME;
            item.verifiedAt = resolvedAt;
            item.verificationEvidence = evidence;
            item.closedAt = resolvedAt;
        }
        item.updatedAt = clock.instant();
        journal.system(item, HistoryEntry.Kind.VERIFIED_BY_SYSTEM, Map.of("resolvedAt", resolvedAt.toString(),
                "closedItem", closes, "resolution", item.resolution));
    }

    private void alertIfWorse(RectificationItem item, String before) {
        if (rank(item.severity) > rank(before)) {
            journal.alert(item, Alert.Kind.WORSENED, item.severity);
        }
    }

    private RectificationItem create(String source, Discrepancy finding, String key) {
        RectificationItem item = new RectificationItem();
        item.id = UUID.randomUUID();
        item.key = key;
        item.source = source;
        item.division = finding.division();
        item.rule = finding.rule();
        item.severity = finding.severity();
        item.firstDetectedAt = finding.detectedAt();
        item.detectedAt = finding.detectedAt();
        item.findingOpen = true;
        item.status = ItemStatus.NOT_COMPLETED;
        item.deadline = deadlines.defaultDeadline(item.division, item.severity, finding.detectedAt());
        item.createdAt = clock.instant();
        item.updatedAt = item.createdAt;
        item.evidence = Map.of();
        return item;
    }

    /** What the producer says the problem is; the latest report wins. */
    private static void describe(RectificationItem item, Discrepancy finding) {
        item.rule = finding.rule();
        item.severity = finding.severity();
        item.subjectType = finding.subject().type();
        item.subjectId = finding.subject().id();
        item.subjectLabel = finding.subject().label();
        item.summaryZh = finding.summary().zh();
        item.summaryEn = finding.summary().en();
        item.evidence = finding.evidence() == null ? Map.of() : finding.evidence();
        if (!item.isPersistent()) {
            item.persist();
        }
    }

    /** An item of a source document is about the document; its lines say what was found. */
    private static void describeSource(RectificationItem item, Discrepancy finding) {
        item.subjectType = finding.source().type();
        item.subjectId = finding.source().id();
        item.subjectLabel = documentLabel(finding);
        item.summaryZh = item.subjectLabel;
        item.summaryEn = item.subjectLabel;
        item.persist();
    }

    private void describe(ItemLine line, Discrepancy finding) {
        line.rule = finding.rule();
        line.severity = finding.severity();
        line.subjectType = finding.subject().type();
        line.subjectId = finding.subject().id();
        line.subjectLabel = finding.subject().label();
        line.summaryZh = finding.summary().zh();
        line.summaryEn = finding.summary().en();
        line.evidence = finding.evidence() == null ? Map.of() : finding.evidence();
        line.detectedAt = finding.detectedAt();
        line.updatedAt = clock.instant();
    }

    private static Map<String, Object> change(String zh, String en, Discrepancy finding) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", zh == null ? "" : zh);
        change.put("to", finding.summary().zh());
        change.put("fromEn", Objects.requireNonNullElse(en, ""));
        change.put("toEn", Objects.requireNonNullElse(finding.summary().en(), finding.summary().zh()));
        return change;
    }

    private static String worst(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(String severity) {
        return List.of(Severity.LOW.wire(), Severity.MEDIUM.wire(), Severity.HIGH.wire()).indexOf(severity);
    }

    private static Map<String, Object> resolutionMap(Discrepancy.Resolution resolution, Instant resolvedAt) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("resolvedAt", resolvedAt.toString());
        if (resolution != null && resolution.reason() != null) {
            map.put("reason", Map.of("zh", String.valueOf(resolution.reason().zh()),
                    "en", String.valueOf(resolution.reason().en())));
        }
        if (resolution != null && resolution.evidence() != null) {
            map.put("evidence", resolution.evidence());
        }
        return map;
    }

    /** The verification as the notice prints it: the reason, then the facts that show it. */
    static String evidenceText(Discrepancy.Resolution resolution) {
        if (resolution == null) {
            return "系统核验：问题已不再出现";
        }
        String reason = resolution.reason() == null || resolution.reason().zh() == null ? "问题已不再出现"
                : resolution.reason().zh();
        // the evidence's fields (counted, stocktakeId…) stay in the item's resolution, not in words people read
        return "系统核验：" + reason;
    }
}
