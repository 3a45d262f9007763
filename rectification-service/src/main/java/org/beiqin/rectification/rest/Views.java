package org.beiqin.rectification.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.beiqin.commons.problem.Messages;
import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.ItemLine;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.Measure;
import org.beiqin.rectification.MeasureStatus;
import org.beiqin.rectification.RectificationItem;
import org.beiqin.rectification.service.Alerts;
import org.beiqin.rectification.service.Evidence;
import org.beiqin.rectification.service.HistoryText;
import org.beiqin.rectification.service.ItemQueries;

/** What the API returns; entities never leave the service layer as JSON. */
public final class Views {

    private Views() {
    }

    public record Subject(String type, String id, String label) {
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    public record ItemSummary(UUID id, String key, String rule, String ruleTitle, String severity, String division,
            Subject subject, String summary, ItemStatus status, String statusLabel, boolean findingOpen,
            int recurrences, LocalDate deadline, boolean overdue, Instant firstDetectedAt, Instant detectedAt,
            Instant closedAt, String responsibleDepartment, String responsiblePerson, long measures,
            long measuresDone, int version) {

        static ItemSummary from(RectificationItem i, ItemQueries.MeasureCount m, LocalDate today, Locale locale,
                UnaryOperator<String> named) {
            return new ItemSummary(i.id, i.key, i.rule, Messages.get(locale, "rule." + i.rule), i.severity, i.division,
                    new Subject(i.subjectType, i.subjectId, named.apply(i.subjectLabel)),
                    named.apply(text(i.summaryZh, i.summaryEn, locale)),
                    i.status, label(i.status, locale), i.findingOpen, i.recurrences, i.deadline,
                    i.status.pursued() && i.deadline.isBefore(today), i.firstDetectedAt, i.detectedAt, i.closedAt,
                    i.responsibleDepartment, i.responsiblePerson, m.total(), m.done(), i.version);
        }
    }

    public record Verification(String by, String name, Instant at, String evidence) {
    }

    public record ItemDetail(ItemSummary item, String target, String responsibleLeader, Map<String, Object> evidence,
            Verification verification, Map<String, Object> resolution, List<MeasureView> measures,
            List<LineView> lines, List<HistoryView> history, List<Evidence.Attachment> attachments) {
    }

    /** One finding of an item that groups a source document's findings: what, and whether it is resolved. */
    public record LineView(String key, Subject subject, String summary, String severity, boolean findingOpen,
            Instant detectedAt, Instant resolvedAt, String resolvedBy) {

        @SuppressWarnings("unchecked")
        static LineView from(ItemLine l, Locale locale, UnaryOperator<String> named) {
            String reason = null;
            if (l.resolution != null && l.resolution.get("reason") instanceof Map<?, ?> r) {
                Map<String, Object> words = (Map<String, Object>) r;
                reason = text((String) words.get("zh"), (String) words.get("en"), locale);
            }
            return new LineView(l.key, new Subject(l.subjectType, l.subjectId, named.apply(l.subjectLabel)),
                    named.apply(text(l.summaryZh, l.summaryEn, locale)), l.severity, l.findingOpen, l.detectedAt,
                    l.resolvedAt, reason);
        }
    }

    public record MeasureView(UUID id, int position, String description, String owner, LocalDate deadline,
            MeasureStatus status, boolean overdue, String evidence, Instant doneAt, String doneBy, int version) {

        static MeasureView from(Measure m, LocalDate today) {
            return new MeasureView(m.id, m.position, m.description, m.owner, m.deadline, m.status,
                    m.status != MeasureStatus.DONE && m.deadline.isBefore(today), m.evidence, m.doneAt, m.doneBy,
                    m.version);
        }
    }

    public record HistoryView(Instant at, String kind, String actor, String actorName, Map<String, Object> detail,
            String text) {

        static HistoryView from(HistoryEntry h, Locale locale) {
            return new HistoryView(h.at, h.kind, h.actor, h.actorName, h.detail,
                    HistoryText.of(h, locale));
        }
    }

    public record Acknowledgement(Instant at, String by) {
    }

    public record AlertView(long id, UUID itemId, String division, String severity, String kind, String title,
            Instant createdAt, Acknowledgement acknowledged, ItemStatus itemStatus) {

        static AlertView from(Alerts.Seen a, Locale locale) {
            return new AlertView(a.id(), a.itemId(), a.division(), a.severity(), a.kind(),
                    text(a.titleZh(), a.titleEn(), locale), a.createdAt(),
                    a.acknowledgedAt() == null ? null : new Acknowledgement(a.acknowledgedAt(), a.acknowledgedBy()),
                    a.itemStatus());
        }
    }

    static String text(String zh, String en, Locale locale) {
        return Locale.ENGLISH.equals(locale) && en != null ? en : zh;
    }

    static String label(ItemStatus status, Locale locale) {
        return Locale.ENGLISH.equals(locale) ? status.en() : status.zh();
    }

    static ItemDetail detail(RectificationItem i, ItemQueries.MeasureCount count, List<Measure> measures,
            List<ItemLine> lines, List<HistoryEntry> history, List<Evidence.Attachment> attachments,
            LocalDate today, Locale locale, UnaryOperator<String> named) {
        Verification verification = i.verifiedAt == null ? null
                : new Verification(i.verifiedBy, i.verifiedByName, i.verifiedAt, i.verificationEvidence);
        return new ItemDetail(ItemSummary.from(i, count, today, locale, named), i.target, i.responsibleLeader, i.evidence,
                verification, i.resolution, measures.stream().map(m -> MeasureView.from(m, today)).toList(),
                lines.stream().map(l -> LineView.from(l, locale, named)).toList(),
                history.stream().map(h -> HistoryView.from(h, locale)).toList(), attachments);
    }
}
