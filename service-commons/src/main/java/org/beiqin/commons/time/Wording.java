package org.beiqin.commons.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Dates as findings state them: a fixed day or minute in Beijing time ("2026年7月21日",
 * "7月21日 08:05"), never a count of days that would change the text every day it stays open.
 */
public final class Wording {

    private static final DateTimeFormatter ZH_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter ZH_MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter EN_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Wording() {
    }

    public static String zh(LocalDate day) {
        return day.format(ZH_DAY);
    }

    public static String zh(Instant instant) {
        return instant.atZone(ClockProducer.CHINA).format(ZH_MINUTE);
    }

    public static String en(LocalDate day) {
        return day.toString();
    }

    public static String en(Instant instant) {
        return instant.atZone(ClockProducer.CHINA).format(EN_MINUTE) + " (Beijing)";
    }

    /** The day of {@code instant} in Beijing time. */
    public static String zhDay(Instant instant) {
        return zh(LocalDate.ofInstant(instant, ClockProducer.CHINA));
    }

    public static String enDay(Instant instant) {
        return en(LocalDate.ofInstant(instant, ClockProducer.CHINA));
    }
}
