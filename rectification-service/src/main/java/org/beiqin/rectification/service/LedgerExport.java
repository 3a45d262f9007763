package org.beiqin.rectification.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;


import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.security.Caller;
import org.beiqin.rectification.Measure;
import org.beiqin.rectification.MeasureStatus;
import org.beiqin.rectification.RectificationItem;

/** The ledger as a spreadsheet that prints on A4 landscape: the items with their six clears, the measures, and the items' details. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LedgerExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The printed ledger: what a reader needs, in columns that fit A4 landscape (widths in characters). */
    private static final String[] ITEM_COLUMNS = {"序号", "乡镇（区划）", "问题类别", "问题", "严重程度", "首次发现", "整改状态",
        "整改目标", "责任单位", "责任领导", "责任人", "整改时限", "措施完成", "核验销号"};
    private static final double[] ITEM_WIDTHS = {5, 10, 16, 40, 6, 15, 9, 22, 14, 8, 8, 11, 8, 18};
    /** The rest of each item, for follow-up work rather than printing. */
    private static final String[] DETAIL_COLUMNS = {"序号", "区划代码", "对象", "系统仍检测到", "复发次数", "核验依据", "销号时间",
        "事项编号"};
    private static final double[] DETAIL_WIDTHS = {5, 14, 30, 10, 8, 40, 16, 38};
    private static final String[] MEASURE_COLUMNS = {"事项序号", "措施序号", "整改措施", "负责人", "时限", "进度", "整改情况",
        "完成时间"};
    private static final double[] MEASURE_WIDTHS = {8, 8, 40, 12, 11, 8, 40, 16};

    /** Items written between two flushes of a sheet, and read together with their measures. */
    static final int CHUNK = 500;


    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    DivisionNames names;

    @Inject
    ItemQueries queries;

    @Inject
    EntityManager em;

    @Inject
    Snapshot snapshot;

    /** What an export holds: the items of a period, or the items a list filter selects. */
    public sealed interface Selection {
        Stream<RectificationItem> items(ItemQueries queries);
    }

    /** The items first found in a period, within a division. */
    public record Period(String scope, LocalDate from, LocalDate to) implements Selection {
        @Override
        public Stream<RectificationItem> items(ItemQueries queries) {
            return queries.firstFoundIn(scope, from, to);
        }
    }

    /** The first {@value #MAX_FILTERED} items the list shows for a filter, in the list's order. */
    public record Filtered(ItemQueries.Filter filter, ItemQueries.Order order, boolean ascending) implements Selection {
        @Override
        public Stream<RectificationItem> items(ItemQueries queries) {
            return queries.stream(filter, order, ascending, MAX_FILTERED);
        }
    }

    public static final int MAX_FILTERED = 10_000;

    /** The items first found in the period, within {@code division} (checked against the caller). */
    public Period period(String division, LocalDate from, LocalDate to) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        Statistics.Period period = Statistics.Period.of(from, to, LocalDate.now(clock.withZone(CHINA)));
        return new Period(scope, period.from(), period.to());
    }

    /** The items a list filter selects (its division checked against the caller). */
    public Filtered filtered(ItemQueries.Filter filter, ItemQueries.Order order, boolean ascending) {
        caller.requireCovers(filter.division() == null ? caller.division() : filter.division());
        return new Filtered(filter, order, ascending);
    }

    /**
     * Writes the workbook as it is read: each sheet is one pass over the items, {@value #CHUNK} at a
     * time as they are read, flushed to {@code out} after every chunk, so the first rows leave before
     * the last are read and a county's three years never sit in memory. The three passes read one
     * snapshot (REPEATABLE READ), so an item found while the file is written cannot shift the
     * numbers that tie a measure or a detail row to its item.
     */
    public void write(Selection selection, OutputStream out) throws IOException {
        snapshot.read(() -> writeSheets(selection, out));
    }

    private void writeSheets(Selection selection, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Beiqin", "1.0");
        Worksheet sheet = workbook.newWorksheet("整改台账");
        Worksheet measureSheet = workbook.newWorksheet("整改措施");
        Worksheet detailSheet = workbook.newWorksheet("事项明细");
        header(sheet, ITEM_COLUMNS, ITEM_WIDTHS);
        header(measureSheet, MEASURE_COLUMNS, MEASURE_WIDTHS);
        header(detailSheet, DETAIL_COLUMNS, DETAIL_WIDTHS);
        pass(selection, sheet, false, (item, row, measures) -> {
            long done = measures.stream().filter(m -> m.status == MeasureStatus.DONE).count();
            String signedOff = item.verifiedAt == null ? null
                    : (item.verifiedByName == null ? "系统核验" : item.verifiedByName) + " "
                            + DAY_TIME.format(local(item.verifiedAt));
            cells(sheet, row, new Object[] {row, names.name(item.division),
                Messages.get(Messages.CHINESE, "rule." + item.rule), names.named(item.summaryZh), severity(item.severity),
                local(item.firstDetectedAt), item.status.zh(), item.target, item.responsibleDepartment,
                item.responsibleLeader, item.responsiblePerson, item.deadline, done + "/" + measures.size(), signedOff});
        });
        int[] measureRow = {1};
        pass(selection, measureSheet, true, (item, row, measures) -> {
            for (Measure m : measures) {
                cells(measureSheet, measureRow[0]++, new Object[] {row, m.position, m.description, m.owner, m.deadline,
                    progress(m.status), m.evidence, local(m.doneAt)});
            }
        });
        pass(selection, detailSheet, false, (item, row, measures) -> cells(detailSheet, row, new Object[] {row,
            item.division, item.subjectLabel, item.findingOpen ? "是" : "否", item.recurrences,
            item.verificationEvidence, local(item.closedAt), item.id.toString()}));
        workbook.finish();
    }

    private interface RowWriter {
        void write(RectificationItem item, int row, List<Measure> measures) throws IOException;
    }

    /** One pass over the selection into one sheet, numbering the items from 1 in the same order each time. */
    private void pass(Selection selection, Worksheet sheet, boolean withMeasures, RowWriter writer) throws IOException {
        int row = 1;
        try (Stream<RectificationItem> items = selection.items(queries)) {
            Iterator<RectificationItem> it = items.iterator();
            List<RectificationItem> chunk = new ArrayList<>(CHUNK);
            while (it.hasNext()) {
                chunk.add(it.next());
                if (chunk.size() == CHUNK || !it.hasNext()) {
                    Map<UUID, List<Measure>> measures = queries.measures(chunk.stream().map(i -> i.id).toList());
                    for (RectificationItem item : chunk) {
                        writer.write(item, row++, measures.getOrDefault(item.id, List.of()));
                    }
                    chunk.clear();
                    sheet.flush();
                    em.clear();
                }
            }
        }
        sheet.finish();
    }

    /**
     * The header row, the column widths, and the page set-up: A4 landscape, one page wide, the
     * header repeated on every printed page, page numbers in the footer.
     */
    private static void header(Worksheet sheet, String[] columns, double[] widths) {
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c]);
            sheet.style(0, c).bold().wrapText(true).fillColor("DDEBF7").set();
            sheet.width(c, widths[c]);
        }
        sheet.freezePane(0, 1);
        sheet.pageOrientation("landscape");
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.setFitToPage(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.repeatRows(0);
        sheet.leftMargin(0.4f);
        sheet.rightMargin(0.4f);
        sheet.topMargin(0.6f);
        sheet.bottomMargin(0.6f);
        sheet.footer("第 &P 页，共 &N 页", Position.CENTER);
    }

    private static void cells(Worksheet sheet, int row, Object[] values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            if (v instanceof Number n) {
                sheet.value(row, c, n);
            } else if (v instanceof LocalDate d) {
                sheet.value(row, c, d);
                sheet.style(row, c).format("yyyy-mm-dd").set();
            } else if (v instanceof LocalDateTime t) {
                sheet.value(row, c, t);
                sheet.style(row, c).format("yyyy-mm-dd hh:mm").set();
            } else {
                // written into the row rather than into the workbook's table of shared strings, which
                // would hold every text of the export in memory until the end
                sheet.inlineString(row, c, v.toString());
                sheet.style(row, c).wrapText(true).verticalAlignment("top").set();
            }
        }
    }

    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, CHINA);
    }

    private static String severity(String severity) {
        return switch (severity) {
            case "high" -> "高";
            case "medium" -> "中";
            default -> "低";
        };
    }

    private static String progress(MeasureStatus status) {
        return switch (status) {
            case PLANNED -> "未开始";
            case IN_PROGRESS -> "推进中";
            case DONE -> "已完成";
        };
    }
}
