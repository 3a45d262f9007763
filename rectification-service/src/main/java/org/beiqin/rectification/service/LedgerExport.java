package org.beiqin.rectification.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    DivisionNames names;

    @Inject
    ItemQueries queries;

    /** The items first found in the period, within {@code division} (checked against the caller). */
    public List<RectificationItem> items(String division, LocalDate from, LocalDate to) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        Statistics.Period period = Statistics.Period.of(from, to, LocalDate.now(clock.withZone(CHINA)));
        return queries.firstFoundIn(scope, period.from(), period.to());
    }

    public void write(List<RectificationItem> items, OutputStream out) throws IOException {
        Map<UUID, List<Measure>> measures = items.isEmpty() ? Map.of()
                : Measure.<Measure>list("itemId in ?1 order by position", items.stream().map(i -> i.id).toList())
                        .stream().collect(Collectors.groupingBy(m -> m.itemId));
        Workbook workbook = new Workbook(out, "Beiqin", "1.0");
        Worksheet sheet = workbook.newWorksheet("整改台账");
        Worksheet measureSheet = workbook.newWorksheet("整改措施");
        Worksheet detailSheet = workbook.newWorksheet("事项明细");
        header(sheet, ITEM_COLUMNS, ITEM_WIDTHS);
        header(measureSheet, MEASURE_COLUMNS, MEASURE_WIDTHS);
        header(detailSheet, DETAIL_COLUMNS, DETAIL_WIDTHS);
        int row = 1;
        int measureRow = 1;
        for (RectificationItem item : items) {
            List<Measure> own = measures.getOrDefault(item.id, List.of());
            long done = own.stream().filter(m -> m.status == MeasureStatus.DONE).count();
            String signedOff = item.verifiedAt == null ? null
                    : (item.verifiedByName == null ? "系统核验" : item.verifiedByName) + " "
                            + DAY_TIME.format(local(item.verifiedAt));
            cells(sheet, row, new Object[] {row, names.name(item.division),
                Messages.get(Messages.CHINESE, "rule." + item.rule), names.named(item.summaryZh), severity(item.severity),
                local(item.firstDetectedAt), item.status.zh(), item.target, item.responsibleDepartment,
                item.responsibleLeader, item.responsiblePerson, item.deadline, done + "/" + own.size(), signedOff});
            cells(detailSheet, row, new Object[] {row, item.division, item.subjectLabel, item.findingOpen ? "是" : "否",
                item.recurrences, item.verificationEvidence, local(item.closedAt), item.id.toString()});
            for (Measure m : own) {
                cells(measureSheet, measureRow++, new Object[] {row, m.position, m.description, m.owner, m.deadline,
                    progress(m.status), m.evidence, local(m.doneAt)});
            }
            row++;
        }
        workbook.finish();
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
                sheet.value(row, c, v.toString());
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
