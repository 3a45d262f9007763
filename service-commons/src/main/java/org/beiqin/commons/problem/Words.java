package org.beiqin.commons.problem;

import java.util.Locale;
import java.util.Map;

/**
 * A word in a problem's message that must follow the reader's language: the kind of record that
 * was not found ("仓库" / "warehouse"), a status ("已批准" / "approved"). Problem messages put the
 * right one in; an English message never shows a Chinese noun.
 */
public record Words(String zh, String en) {

    /** The nouns of records the services look up by id. */
    private static final Map<String, String> NOUNS = Map.ofEntries(
            Map.entry("仓库", "warehouse"), Map.entry("物资", "item"), Map.entry("出入库记录", "movement"),
            Map.entry("发放记录", "issue"), Map.entry("盘点单", "stocktake"), Map.entry("灭火器", "extinguisher"),
            Map.entry("装备", "equipment"), Map.entry("设施检查", "facility inspection"), Map.entry("演练", "drill"),
            Map.entry("改进措施", "improvement action"), Map.entry("队伍", "team"), Map.entry("队员", "team member"),
            Map.entry("值班时段", "duty period"), Map.entry("班次", "shift"), Map.entry("查岗", "spot check"),
            Map.entry("整改事项", "rectification item"), Map.entry("整改措施", "rectification measure"),
            Map.entry("佐证材料", "evidence file"), Map.entry("提醒", "alert"), Map.entry("用户", "user"),
            Map.entry("行政区划", "division"));

    /** The record kind {@code zh} names, in both languages ("record" when it has no English yet). */
    public static Words noun(String zh) {
        return new Words(zh, NOUNS.getOrDefault(zh, "record"));
    }

    /** An enum's Chinese label, and its constant in words for English ("NOT_COMPLETED" → "not completed"). */
    public static Words of(String zh, Enum<?> constant) {
        return new Words(zh, constant.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    public String in(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) && en != null ? en : zh;
    }

    @Override
    public String toString() {
        return zh;
    }

    /** {@code args} with every {@link Words} put in {@code locale}'s language. */
    static Object[] in(Locale locale, Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Words w) {
                out[i] = w.in(locale);
            }
        }
        return out;
    }
}
