package org.beiqin.rectification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.contract.Discrepancy;
import org.beiqin.rectification.Alert;
import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.RectificationItem;

/**
 * Turns discrepancy events into the ledger. {@code opened} creates the item for its key, or
 * reopens it when the problem recurs after it ended; {@code resolved} marks it verified by the
 * system with the resolution as evidence. Runs in the consumer's transaction, after the event id
 * was recorded, so each event takes effect once.
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
        RectificationItem item = RectificationItem.byKey(finding.key());
        if (item == null) {
            item = create(source, finding);
            journal.system(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                    finding.detectedAt().toString()));
            journal.alert(item, Alert.Kind.OPENED, item.severity);
            return item;
        }
        describe(item, finding);
        if (item.findingOpen) {
            // the producer said it again within the same episode: newer facts, not a new problem
            journal.system(item, HistoryEntry.Kind.FINDING_UPDATED, Map.of("detectedAt", finding.detectedAt().toString()));
            return item;
        }
        ItemStatus before = item.status;
        item.findingOpen = true;
        item.recurrences++;
        item.detectedAt = finding.detectedAt();
        item.resolution = null;
        if (before == ItemStatus.COMPLETED) {
            item.status = ItemStatus.NOT_COMPLETED;
            item.verifiedBy = null;
            item.verifiedByName = null;
            item.verifiedAt = null;
            item.verificationEvidence = null;
            item.closedAt = null;
            item.deadline = deadlines.defaultDeadline(item.division, item.severity, finding.detectedAt());
        }
        item.updatedAt = clock.instant();
        journal.system(item, HistoryEntry.Kind.REOPENED, Map.of("recurrences", item.recurrences,
                "previousStatus", before.name(), "detectedAt", finding.detectedAt().toString()));
        journal.alert(item, Alert.Kind.REOPENED, Journal.raised(item.severity), item.recurrences);
        return item;
    }

    public RectificationItem resolved(String source, Discrepancy finding, Instant eventTime) {
        RectificationItem item = RectificationItem.byKey(finding.key());
        if (item == null) {
            // its opened event predates this ledger (or the topic's retention): keep the history anyway
            item = create(source, finding);
            journal.system(item, HistoryEntry.Kind.OPENED, Map.of("source", source, "detectedAt",
                    finding.detectedAt().toString(), "note", "resolved before it was seen open"));
        }
        Discrepancy.Resolution resolution = finding.resolution();
        Instant resolvedAt = resolution != null && resolution.resolvedAt() != null ? resolution.resolvedAt()
                : eventTime != null ? eventTime : clock.instant();
        item.findingOpen = false;
        item.resolution = resolutionMap(resolution, resolvedAt);
        boolean closes = item.status != ItemStatus.COMPLETED;
        if (closes) {
            item.status = ItemStatus.COMPLETED;
            item.verifiedBy = RectificationItem.SYSTEM;
            item.verifiedByName = Journal.SYSTEM_NAME;
            item.verifiedAt = resolvedAt;
            item.verificationEvidence = evidenceText(resolution);
            item.closedAt = resolvedAt;
        }
        item.updatedAt = clock.instant();
        journal.system(item, HistoryEntry.Kind.VERIFIED_BY_SYSTEM, Map.of("resolvedAt", resolvedAt.toString(),
                "closedItem", closes, "resolution", item.resolution));
        return item;
    }

    private RectificationItem create(String source, Discrepancy finding) {
        RectificationItem item = new RectificationItem();
        item.id = UUID.randomUUID();
        item.key = finding.key();
        item.source = source;
        item.division = finding.division();
        item.firstDetectedAt = finding.detectedAt();
        item.detectedAt = finding.detectedAt();
        item.findingOpen = true;
        item.status = ItemStatus.NOT_COMPLETED;
        describe(item, finding);
        item.deadline = deadlines.defaultDeadline(item.division, item.severity, finding.detectedAt());
        item.createdAt = clock.instant();
        item.updatedAt = item.createdAt;
        item.persist();
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
