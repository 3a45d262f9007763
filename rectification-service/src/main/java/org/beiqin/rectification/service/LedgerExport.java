package org.beiqin.rectification.service;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.beiqin.commons.problem.Messages;
import org.beiqin.commons.security.Caller;
import org.beiqin.rectification.Measure;
import org.beiqin.rectification.MeasureStatus;
import org.beiqin.rectification.RectificationItem;

/** The ledger as a spreadsheet: one sheet of items with their six clears, one of measures. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LedgerExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String[] ITEM_COLUMNS = {"序号", "区划代码", "区划", "问题类别", "规则", "问题", "对象", "严重程度",
        "首次发现", "整改状态", "系统仍检测到", "复发次数", "整改目标", "责任领导", "责任部门", "责任人", "整改时限", "措施数",
        "已完成措施", "核验人", "核验时间", "核验依据", "销号时间", "事项编号"};
    private static final String[] MEASURE_COLUMNS = {"事项序号", "措施序号", "整改措施", "负责人", "时限", "进度", "整改情况",
        "完成时间", "事项编号"};

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
        Statistics.Period period = Statistics.Period.of(from, to, LocalDate.now(clock.withZone(Deadlines.CHINA)));
        return queries.firstFoundIn(scope, period.from(), period.to());
    }

    public void write(List<RectificationItem> items, OutputStream out) throws IOException {
        Map<UUID, List<Measure>> measures = items.isEmpty() ? Map.of()
                : Measure.<Measure>list("itemId in ?1 order by position", items.stream().map(i -> i.id).toList())
                        .stream().collect(Collectors.groupingBy(m -> m.itemId));
        Workbook workbook = new Workbook(out, "Beiqin", "1.0");
        Worksheet sheet = workbook.newWorksheet("整改台账");
        Worksheet measureSheet = workbook.newWorksheet("整改措施");
        header(sheet, ITEM_COLUMNS);
        header(measureSheet, MEASURE_COLUMNS);
        int row = 1;
        int measureRow = 1;
        for (RectificationItem item : items) {
            List<Measure> own = measures.getOrDefault(item.id, List.of());
            long done = own.stream().filter(m -> m.status == MeasureStatus.DONE).count();
            Object[] values = {row, item.division, names.name(item.division),
                Messages.get(Messages.CHINESE, "rule." + item.rule), item.rule, item.summaryZh, item.subjectLabel,
                severity(item.severity), local(item.firstDetectedAt), item.status.zh(), item.findingOpen ? "是" : "否",
                item.recurrences, item.target, item.responsibleLeader, item.responsibleDepartment,
                item.responsiblePerson, item.deadline, own.size(), done, item.verifiedByName,
                local(item.verifiedAt), item.verificationEvidence, local(item.closedAt), item.id.toString()};
            cells(sheet, row, values);
            for (Measure m : own) {
                cells(measureSheet, measureRow++, new Object[] {row, m.position, m.description, m.owner, m.deadline,
                    progress(m.status), m.evidence, local(m.doneAt), item.id.toString()});
            }
            row++;
        }
        workbook.finish();
    }

    private static void header(Worksheet sheet, String[] columns) {
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c]);
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
        }
        sheet.freezePane(0, 1);
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
            }
        }
    }

    private static LocalDateTime local(java.time.Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Deadlines.CHINA);
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
