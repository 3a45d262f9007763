package org.beiqin.rectification.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.LocalDate;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.Rule;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.Measure;
import org.beiqin.rectification.MeasureStatus;
import org.beiqin.rectification.RectificationItem;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * 整改情况通报: the public notice of a county (or township) for a period, in the shape of the
 * seed notices — the totals first, then each problem under its heading with its measures
 * ("一是…；二是…"), its result and what was done; completed problems first, then those not
 * completed or kept as long-term.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Notices {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** The head of a notice: its title, period and overview; the problems follow it one by one. */
    @TemplateData
    public record Notice(String title, String division, String divisionName, LocalDate from, LocalDate to,
            LocalDate asOf, String overview) {

        /** The same notice with every text passed through {@code text} (escaping for Markdown). */
        Notice mapText(UnaryOperator<String> text) {
            return new Notice(text.apply(title), text.apply(division), text.apply(divisionName), from, to, asOf,
                    text.apply(overview));
        }

        /** 2026年1月1日至2026年12月2日 */
        public String period() {
            return chineseDate(from) + "至" + chineseDate(to);
        }

        public String asOfText() {
            return chineseDate(asOf);
        }
    }

    /** 二、已完成的整改事项 or 三、未完成及需长期整改的事项 (which also print the deadline). */
    @TemplateData
    public record Part(String heading, boolean pending) {
        Part mapText(UnaryOperator<String> text) {
            return new Part(text.apply(heading), pending);
        }
    }

    @TemplateData
    public record Section(String ordinal, String heading) {
        Section mapText(UnaryOperator<String> text) {
            return new Section(text.apply(ordinal), text.apply(heading));
        }
    }

    @TemplateData
    public record Problem(int number, String summary, String where, String target, String responsibility,
            LocalDate deadline, String measures, String result, String situation, int recurrences) {
        Problem mapText(UnaryOperator<String> text) {
            return new Problem(number, text.apply(summary), text.apply(where), text.apply(target),
                    text.apply(responsibility), deadline, text.apply(measures), text.apply(result),
                    text.apply(situation), recurrences);
        }

        public String deadlineText() {
            return deadline == null ? "" : chineseDate(deadline);
        }
    }

    /** Problems read with their measures at a time. */
    static final int CHUNK = 500;


    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    DivisionNames names;

    @Inject
    Statistics statistics;

    @Inject
    ItemQueries queries;

    @Location("notice.html")
    Template html;

    @Location("notice.md")
    Template markdown;

    @Inject
    EntityManager em;

    @Inject
    Snapshot snapshot;

    /** Which notice to write: a division (checked against the caller) and a period. */
    public record Scope(String division, LocalDate from, LocalDate to) {
    }

    /** The notice's division and period, checked before a byte of it is written (403, 422). */
    public Scope scope(String division, LocalDate from, LocalDate to) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        Statistics.Period period = Statistics.Period.of(from, to, LocalDate.now(clock.withZone(CHINA)));
        return new Scope(scope, period.from(), period.to());
    }

    public void html(Scope scope, Writer out) throws IOException {
        write(scope, html, UnaryOperator.identity(), out);
    }

    public void markdown(Scope scope, Writer out) throws IOException {
        // Qute escapes the HTML notice itself; in Markdown every text a user typed (labels, measures,
        // evidence) is escaped here, so it reads as text and never as a heading, link or image
        write(scope, markdown, MarkdownText::escape, out);
    }

    /**
     * Writes the notice as it is read: the head from the period's totals, then each part, section
     * and problem as a fragment of the template, the problems {@value #CHUNK} at a time with
     * their measures. A county's year of problems never sits in memory, and the first
     * lines leave before the last problem is read. Totals and problems are read from one snapshot
     * (REPEATABLE READ), so the overview counts exactly the problems listed under it.
     */
    private void write(Scope scope, Template template, UnaryOperator<String> text, Writer out) throws IOException {
        snapshot.read(() -> writeNotice(scope, template, text, out));
        out.flush();
    }

    private void writeNotice(Scope scope, Template template, UnaryOperator<String> text, Writer out)
            throws IOException {
        Notice notice = head(scope.division(), scope.from(), scope.to());
        out.write(template.getFragment("head").data("notice", notice.mapText(text)).render());
        for (boolean completed : new boolean[] {true, false}) {
            Part part = completed ? new Part("二、已完成的整改事项", false) : new Part("三、未完成及需长期整改的事项", true);
            out.write(template.getFragment("part").data("part", part.mapText(text)).render());
            String rule = null;
            int sections = 0;
            int number = 0;
            try (Stream<RectificationItem> items = queries.foundInByRule(notice.division(), notice.from(), notice.to(),
                    completed)) {
                Iterator<RectificationItem> it = items.iterator();
                List<RectificationItem> chunk = new ArrayList<>(CHUNK);
                while (it.hasNext()) {
                    chunk.add(it.next());
                    if (chunk.size() < CHUNK && it.hasNext()) {
                        continue;
                    }
                    Map<UUID, List<Measure>> measures = queries.measures(chunk.stream().map(i -> i.id).toList());
                    for (RectificationItem item : chunk) {
                        if (!item.rule.equals(rule)) {
                            rule = item.rule;
                            number = 0;
                            Section section = new Section(ordinal(++sections),
                                    Messages.get(Messages.CHINESE, "rule." + rule));
                            out.write(template.getFragment("section").data("section", section.mapText(text)).render());
                        }
                        Problem problem = problem(++number, item, measures.getOrDefault(item.id, List.of()));
                        out.write(template.getFragment("problem").data("p", problem.mapText(text))
                                .data("part", part).render());
                    }
                    chunk.clear();
                    out.flush();
                    em.clear();
                }
            }
            if (sections == 0) {
                out.write(template.getFragment("empty").instance().render());
            }
            out.write("\n");
        }
        out.write(template.getFragment("tail").data("notice", notice.mapText(text)).render());
    }

    /** The notice's head: title, period and the overview of its totals. */
    public Notice head(String scope, LocalDate from, LocalDate to) {
        Statistics.Report report = statistics.report(scope, from, to, Statistics.GroupBy.RULE, Messages.CHINESE);
        Statistics.Row total = report.total();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        String overview = "截至" + chineseDate(today) + "，" + chineseDate(report.from()) + "至" + chineseDate(report.to())
                + "发现的" + total.items() + "个具体问题，已完成整改" + total.completed() + "个，基本完成整改"
                + total.basicallyCompleted() + "个，长期整改" + total.longTerm() + "个，未完成整改" + total.notCompleted()
                + "个；" + (total.measures() == 0 ? "尚未制定整改措施。"
                        : "制定整改措施" + total.measures() + "条，完成整改措施" + total.measuresDone() + "条，完成率为"
                                + total.measureCompletionRate().toPlainString() + "%。");
        String name = names.name(scope);
        return new Notice(name + "应急准备问题整改情况通报", scope, name, report.from(), report.to(), today, overview);
    }

    /**
     * One problem as the public reads it. A published notice names units and roles, never people:
     * no responsible leader or person, no measure owner, no verifier; and a finding about a person
     * (an absent officer, a member over age, the recipient of an issue) is told by its rule alone,
     * without the summary and subject that carry the name, age or phone number.
     */
    private Problem problem(int number, RectificationItem item, List<Measure> measures) {
        boolean aboutPeople = Rule.find(item.rule).map(Rule::namesPeople).orElse(true);
        String where = (aboutPeople || item.subjectLabel == null ? "" : names.named(item.subjectLabel) + "，")
                + names.name(item.division);
        String summary = aboutPeople ? Messages.get(Messages.CHINESE, "rule." + item.rule)
                : stripEnd(names.named(item.summaryZh));
        String responsibility = item.responsibleDepartment == null ? null : "责任部门：" + item.responsibleDepartment;
        String measureText = measures.isEmpty() ? "尚未制定整改措施。" : numbered(measures.stream()
                .map(m -> stripEnd(m.description) + "（" + chineseDate(m.deadline) + "前"
                        + (m.status == MeasureStatus.DONE ? "，已完成" : "") + "）")
                .toList());
        String situation;
        if (item.status == ItemStatus.COMPLETED) {
            boolean bySystem = RectificationItem.SYSTEM.equals(item.verifiedBy);
            situation = (aboutPeople ? "已整改" : stripEnd(bySystem ? systemReason(item) : item.verificationEvidence))
                    + (bySystem ? "（系统核验）。" : "（" + names.name(Divisions.county(item.division)) + "应急管理部门核验）。");
        } else if (aboutPeople) {
            situation = "正在整改。";
        } else {
            List<String> evidence = measures.stream().filter(m -> m.evidence != null).map(m -> stripEnd(m.evidence))
                    .toList();
            situation = evidence.isEmpty() ? "正在整改。" : numbered(evidence);
        }
        return new Problem(number, summary, where, item.target, responsibility, item.deadline, measureText,
                item.status.zh(), situation, item.recurrences);
    }

    /** "系统核验：复盘数量与账面相符": the source's reason, without the evidence fields it sent along. */
    static String systemReason(RectificationItem item) {
        if (item.resolution != null && item.resolution.get("reason") instanceof Map<?, ?> reason
                && reason.get("zh") instanceof String zh && !zh.isBlank()) {
            return "系统核验：" + zh;
        }
        return item.verificationEvidence;
    }

    /** "一是…；二是…。" as the notices list their measures. */
    static String numbered(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0) + "。";
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(ordinal(i + 1) + "是" + parts.get(i));
        }
        return String.join("；", out) + "。";
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 47 → 四十七 (up to 99, then digits). */
    static String ordinal(int n) {
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 100) {
            return (n / 10 == 1 ? "" : DIGITS[n / 10]) + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        return Integer.toString(n);
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String stripEnd(String text) {
        String t = text.strip();
        while (!t.isEmpty() && "。；;.".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** The file name of a notice or export, e.g. 荥阳市整改情况通报-2026-01-01至2026-06-30.md */
    public String fileName(String division, LocalDate from, LocalDate to, String what, String extension) {
        String scope = division == null ? caller.division() : division;
        Statistics.Period period = Statistics.Period.of(from, to, LocalDate.now(clock.withZone(CHINA)));
        return names.name(scope) + what + "-" + period.from() + "至" + period.to() + "." + extension;
    }
}
