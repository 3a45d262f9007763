package org.beiqin.rectification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

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
 * Runs in the consumer's transaction, after the event ids were recorded, so each event takes
 * effect once; per key the events arrive in order (opened → updated* → resolved). A poll's events
 * share one {@link Batch}: {@link #begin} reads and locks what they name, each event changes it in
 * memory, and {@link Batch#write} writes it all.
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

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Reads and locks the items and lines that {@code findings} name, before the first is applied. */
    public Batch begin(List<Discrepancy> findings) {
        Set<String> keys = new HashSet<>();
        Set<String> documents = new HashSet<>();
        for (Discrepancy finding : findings) {
            keys.add(finding.key());
            if (finding.source() != null) {
                documents.add(itemKey(finding));
            }
        }
        return Batch.load(em, json, keys, documents);
    }

    public RectificationItem opened(Batch b, String source, Discrepancy finding) {
        if (finding.source() != null && !legacyOpen(b, finding)) {
            return lineOpened(b, source, finding);
        }
        RectificationItem item = b.item(finding.key());
        if (item == null) {
            item = create(b, source, finding, finding.key());
            describe(item, finding);
            b.history(journal.systemEntry(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                    finding.detectedAt().toString())));
            b.alert(journal.newAlert(item, Alert.Kind.OPENED, item.severity));
            return item;
        }
        if (item.findingOpen) {
            // the producer said it again within the same episode: newer facts, not a new problem
            return updated(b, source, finding);
        }
        describe(item, finding);
        reopen(b, item, finding.detectedAt());
        return item;
    }

    /** The open finding's facts changed: the item says what is true now. */
    public RectificationItem updated(Batch b, String source, Discrepancy finding) {
        if (finding.source() != null && !legacy(b, finding)) {
            return lineUpdated(b, source, finding);
        }
        RectificationItem item = b.item(finding.key());
        if (item == null) {
            // its opened event predates this ledger (or the topic's retention)
            return opened(b, source, finding);
        }
        String before = item.severity;
        Map<String, Object> change = change(item.summaryZh, item.summaryEn, finding);
        describe(item, finding);
        item.updatedAt = clock.instant();
        b.history(journal.systemEntry(item, HistoryEntry.Kind.FINDING_UPDATED, change));
        alertIfWorse(b, item, before);
        return item;
    }

    public RectificationItem resolved(Batch b, String source, Discrepancy finding, Instant eventTime) {
        Discrepancy.Resolution resolution = finding.resolution();
        Instant resolvedAt = resolution != null && resolution.resolvedAt() != null ? resolution.resolvedAt()
                : eventTime != null ? eventTime : clock.instant();
        if (finding.source() != null && !legacy(b, finding)) {
            return lineResolved(b, source, finding, resolvedAt);
        }
        RectificationItem item = b.item(finding.key());
        if (item == null) {
            // its opened event predates this ledger (or the topic's retention): keep the history anyway
            item = create(b, source, finding, finding.key());
            describe(item, finding);
            b.history(journal.systemEntry(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                    finding.detectedAt().toString(), "note", "resolved before it was seen open")));
        }
        item.findingOpen = false;
        item.resolution = resolutionMap(resolution, resolvedAt);
        close(b, item, resolvedAt, evidenceText(resolution));
        return item;
    }

    // ---- lines of a source document ----

    /**
     * A finding that became an item of its own before findings were grouped by source: its
     * episode runs to the end on that item, and only a new episode joins its document's item.
     */
    private static boolean legacy(Batch b, Discrepancy finding) {
        return b.line(finding.key()) == null && b.item(finding.key()) != null;
    }

    private static boolean legacyOpen(Batch b, Discrepancy finding) {
        if (b.line(finding.key()) != null) {
            return false;
        }
        RectificationItem own = b.item(finding.key());
        return own != null && own.findingOpen;
    }

    private RectificationItem lineOpened(Batch b, String source, Discrepancy finding) {
        ItemLine open = b.line(finding.key());
        if (open != null && open.findingOpen) {
            // said again within its episode: newer facts for the line it already is
            return lineUpdated(b, source, finding);
        }
        String itemKey = itemKey(finding);
        RectificationItem item = b.item(itemKey);
        boolean created = item == null;
        if (created) {
            item = create(b, source, finding, itemKey);
            describeSource(item, finding);
        }
        ItemLine line = b.line(finding.key());
        if (line != null && !line.itemId.equals(item.id) && !line.findingOpen) {
            // a new episode found by another document: the old document keeps its resolved line
            // (under a key of its own), and this one gets a line of its own
            b.archive(line);
            line = null;
        }
        if (line == null) {
            line = new ItemLine();
            line.key = finding.key();
            line.itemId = item.id;
            describe(line, finding);
            line.findingOpen = true;
            b.add(line);
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
            b.history(journal.systemEntry(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                    finding.detectedAt().toString(), "document", documentLabel(finding))));
            // one alert for the document, however many lines follow: it names the document and the rule
            boolean mismatch = "LEDGER_MISMATCH".equals(item.rule);
            b.alert(journal.newAlert(item,
                    item.subjectLabel + "：" + (mismatch ? "账实不符" : Messages.get(Messages.CHINESE, "rule." + item.rule)),
                    item.subjectLabel + ": " + (mismatch ? "counts differ from the ledger"
                            : Messages.get(Locale.ENGLISH, "rule." + item.rule)),
                    Alert.Kind.OPENED, item.severity));
        } else if (!item.findingOpen) {
            reopen(b, item, finding.detectedAt());
        } else {
            item.updatedAt = clock.instant();
            if (finding.detectedAt().isAfter(item.detectedAt.plusSeconds(60))) {
                // lines found with the document (one submission) need no word each; one found later does
                b.history(journal.systemEntry(item, HistoryEntry.Kind.LINE_OPENED, Map.of("line", lineLabel(line))));
            }
            alertIfWorse(b, item, before);
        }
        return item;
    }

    private RectificationItem lineUpdated(Batch b, String source, Discrepancy finding) {
        ItemLine line = b.line(finding.key());
        if (line == null || !line.findingOpen) {
            return lineOpened(b, source, finding);
        }
        RectificationItem item = b.item(line.itemId);
        // counted again in another document while still open, it stays the line of the document
        // that found it: its text says what the latest count says
        describe(line, finding);
        String before = item.severity;
        item.severity = worst(item.severity, line.severity);
        summarize(item);
        item.updatedAt = clock.instant();
        alertIfWorse(b, item, before);
        return item;
    }

    private RectificationItem lineResolved(Batch b, String source, Discrepancy finding, Instant resolvedAt) {
        ItemLine line = b.line(finding.key());
        RectificationItem item;
        if (line == null) {
            // resolved before it was seen open (its opened event predates this ledger): keep it, resolved
            item = b.item(itemKey(finding));
            if (item == null) {
                item = create(b, source, finding, itemKey(finding));
                describeSource(item, finding);
                b.history(journal.systemEntry(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                        finding.detectedAt().toString(), "note", "resolved before it was seen open")));
            }
            line = new ItemLine();
            line.key = finding.key();
            line.itemId = item.id;
            describe(line, finding);
            b.add(line);
            item.lineCount++;
        } else {
            item = b.item(line.itemId);
            if (line.findingOpen) {
                item.openLineCount--;
            }
        }
        line.findingOpen = false;
        line.resolvedAt = resolvedAt;
        line.resolution = resolutionMap(finding.resolution(), resolvedAt);
        line.updatedAt = clock.instant();
        settle(b, item, resolvedAt);
        return item;
    }

    /** After a line changed: the item's text, and the system's verification once no line is open. */
    private void settle(Batch b, RectificationItem item, Instant at) {
        LineCount count = count(item);
        summarize(item, count);
        item.updatedAt = clock.instant();
        if (count.open() == 0 && item.findingOpen) {
            item.findingOpen = false;
            item.resolution = Map.of("resolvedAt", at.toString(), "lines", count.total());
            close(b, item, at, "系统核验：" + count.total() + " 项均已消除");
        }
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

    private static String documentLabel(Discrepancy finding) {
        return finding.source().label() == null ? finding.source().id() : finding.source().label();
    }

    private static String lineLabel(ItemLine line) {
        return line.subjectLabel == null ? line.subjectId : line.subjectLabel;
    }

    // ---- items ----

    private void reopen(Batch b, RectificationItem item, Instant detectedAt) {
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
        b.history(journal.systemEntry(item, HistoryEntry.Kind.REOPENED, Map.of("recurrences", item.recurrences,
                "previousStatus", before.name(), "detectedAt", detectedAt.toString())));
        b.alert(journal.newAlert(item, Alert.Kind.REOPENED, Journal.raised(item.severity), item.recurrences));
    }

    private void close(Batch b, RectificationItem item, Instant resolvedAt, String evidence) {
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
        b.history(journal.systemEntry(item, HistoryEntry.Kind.VERIFIED_BY_SYSTEM, Map.of("resolvedAt", resolvedAt.toString(),
                "closedItem", closes, "resolution", item.resolution)));
    }

    private void alertIfWorse(Batch b, RectificationItem item, String before) {
        if (rank(item.severity) > rank(before)) {
            b.alert(journal.newAlert(item, Alert.Kind.WORSENED, item.severity));
        }
    }

    private RectificationItem create(Batch b, String source, Discrepancy finding, String key) {
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
        b.add(item);
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
