package org.beiqin.rectification.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.RectificationItem;

/**
 * An item's history as a person reads it: "张明 将整改时限从 12月5日 改为 12月10日", never the
 * journal's codes (PLAN_CHANGED) or field names. Chinese unless English is asked for.
 */
public final class HistoryText {

    private static final DateTimeFormatter ZH_DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final List<String> PLAN_FIELDS = List.of("target", "responsibleLeader", "responsibleDepartment",
            "responsiblePerson", "deadline");

    private HistoryText() {
    }

    public static String of(HistoryEntry h, Locale locale) {
        boolean en = Locale.ENGLISH.equals(locale);
        Map<String, Object> d = h.detail == null ? Map.of() : h.detail;
        String who = h.actor == null || RectificationItem.SYSTEM.equals(h.actor) ? (en ? "The system" : "系统")
                : h.actorName != null ? h.actorName : h.actor;
        return switch (h.kind) {
            case "OPENED" -> en ? "The system found the problem" : "系统发现问题，立项整改";
            case "REOPENED" -> en ? "The problem was found again (" + d.get("recurrences") + " times so far); the item is open again"
                    : "问题再次出现（第 " + d.get("recurrences") + " 次），事项重新打开";
            case "FINDING_UPDATED" -> d.get("to") == null ? (en ? "The system saw the problem again" : "系统再次发现该问题")
                    : en ? "The system updated the finding: " + d.get("toEn") : "系统更新问题情况：" + d.get("to");
            case "LINE_OPENED" -> en ? "The system found one more: " + d.get("line") : "系统发现新的一项：" + d.get("line");
            case "VERIFIED_BY_SYSTEM" -> en ? "The system saw the problem gone at its source"
                    : "系统核验：问题已在源头消除";
            case "PLAN_CHANGED" -> who + plan(d, en);
            case "MEASURE_ADDED" -> en
                    ? who + " added measure " + d.get("measure") + ": " + d.get("description") + " (" + d.get("owner")
                            + ", by " + day(d.get("deadline"), true) + ")"
                    : who + " 增加整改措施 " + d.get("measure") + "：" + d.get("description") + "（" + d.get("owner") + "，"
                            + day(d.get("deadline"), false) + "前完成）";
            case "MEASURE_CHANGED" -> {
                String text = en
                        ? who + " set measure " + d.get("measure") + " from " + measure(d.get("from"), true) + " to "
                                + measure(d.get("to"), true)
                        : who + " 将措施 " + d.get("measure") + " 从“" + measure(d.get("from"), false) + "”改为“"
                                + measure(d.get("to"), false) + "”";
                yield d.get("evidence") == null ? text : text + (en ? ": " : "：") + d.get("evidence");
            }
            case "STATUS_CHANGED" -> {
                String text = Objects.equals(d.get("from"), d.get("to"))
                        ? (en ? who + " kept the status at " + status(d.get("to"), true)
                                : who + " 确认状态仍为“" + status(d.get("to"), false) + "”")
                        : en ? who + " changed the status from " + status(d.get("from"), true) + " to " + status(d.get("to"), true)
                        : who + " 将状态从“" + status(d.get("from"), false) + "”改为“" + status(d.get("to"), false) + "”";
                yield d.get("note") == null ? text : text + (en ? ": " : "：") + d.get("note");
            }
            case "SIGNED_OFF" -> {
                String text = en ? who + " verified and signed the item off: " + d.get("evidence")
                        : who + " 核验销号：" + d.get("evidence");
                yield Boolean.TRUE.equals(d.get("findingOpen"))
                        ? text + (en ? " (the source still reported the problem)" : "（当时系统仍报告该问题）") : text;
            }
            case "REMINDED" -> d.get("measure") != null
                    ? (en ? "Reminder: measure " + d.get("measure") + " is due " + day(d.get("deadline"), true)
                            : "系统提醒：措施 " + d.get("measure") + " 将于 " + day(d.get("deadline"), false) + " 到期")
                    : (en ? "Reminder: the item is due " + day(d.get("deadline"), true)
                            : "系统提醒：整改时限 " + day(d.get("deadline"), false) + " 将到");
            case "ESCALATED" -> d.get("measure") != null
                    ? (en ? "Overdue: measure " + d.get("measure") + " was due " + day(d.get("deadline"), true)
                            : "系统督办：措施 " + d.get("measure") + " 已超过 " + day(d.get("deadline"), false) + " 的期限")
                    : (en ? "Overdue: the item was due " + day(d.get("deadline"), true)
                            : "系统督办：已超过整改时限 " + day(d.get("deadline"), false));
            case "EVIDENCE_ADDED" -> en ? who + " attached evidence: " + d.get("fileName")
                    : who + " 上传佐证材料：" + d.get("fileName");
            default -> en ? who + " changed the item" : who + " 更新了事项";
        };
    }

    @SuppressWarnings("unchecked")
    private static String plan(Map<String, Object> d, boolean en) {
        Map<String, Object> before = d.get("before") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> after = d.get("after") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<String> parts = new ArrayList<>();
        for (String field : PLAN_FIELDS) {
            Object was = before.get(field);
            Object now = after.get(field);
            if (Objects.equals(was, now)) {
                continue;
            }
            String label = label(field, en);
            String from = "deadline".equals(field) ? day(was, en) : (String) was;
            String to = "deadline".equals(field) ? day(now, en) : (String) now;
            if (from == null || from.isBlank()) {
                parts.add(en ? "set the " + label + " to " + to : "将" + label + "定为“" + to + "”");
            } else if (to == null || to.isBlank()) {
                parts.add(en ? "cleared the " + label : "清除了" + label);
            } else {
                parts.add(en ? "changed the " + label + " from " + from + " to " + to
                        : "将" + label + "从“" + from + "”改为“" + to + "”");
            }
        }
        if (parts.isEmpty()) {
            return en ? " saved the plan unchanged" : " 保存了整改安排（无改动）";
        }
        return " " + String.join(en ? "; " : "；", parts);
    }

    private static String label(String field, boolean en) {
        return switch (field) {
            case "target" -> en ? "completion standard" : "整改目标";
            case "responsibleLeader" -> en ? "responsible leader" : "责任领导";
            case "responsibleDepartment" -> en ? "responsible unit" : "责任单位";
            case "responsiblePerson" -> en ? "person in charge" : "责任人";
            default -> en ? "deadline" : "整改时限";
        };
    }

    static String day(Object iso, boolean en) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso.toString()).format(en ? EN_DAY : ZH_DAY);
        } catch (RuntimeException e) {
            return iso.toString();
        }
    }

    private static String measure(Object code, boolean en) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "PLANNED" -> en ? "planned" : "未开始";
            case "IN_PROGRESS" -> en ? "in progress" : "进行中";
            case "DONE" -> en ? "done" : "已完成";
            default -> code.toString();
        };
    }

    private static String status(Object code, boolean en) {
        if (code == null) {
            return "";
        }
        try {
            ItemStatus s = ItemStatus.valueOf(code.toString());
            return en ? s.en() : s.zh();
        } catch (IllegalArgumentException e) {
            return code.toString();
        }
    }
}
