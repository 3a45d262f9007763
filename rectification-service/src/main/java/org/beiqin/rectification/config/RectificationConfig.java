package org.beiqin.rectification.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The rectification ledger's settings ({@code beiqin.rectification.*}). */
@ConfigMapping(prefix = "beiqin.rectification")
public interface RectificationConfig {

    /** Deadlines, reminders and their per-county overrides. */
    Deadlines deadlines();

    /** Consume {@code preparedness.discrepancies} (off only for tools that read the ledger). */
    @WithDefault("true")
    boolean consume();

    /** How often overdue items and measures are looked for; {@code off} disables the sweep. */
    @WithDefault("15m")
    String sweepEvery();

    interface Deadlines {
        /** Days from detection to the default 整改时限, by severity (high, medium, low). */
        @WithName("days")
        Map<String, Integer> days();

        /** A reminder goes out this many days before a deadline. */
        @WithDefault("3")
        int remindDaysBefore();

        /** A county's own practice: {@code county."410182".days.high=5}. */
        Map<String, CountyDeadlines> county();
    }

    interface CountyDeadlines {
        @WithName("days")
        Map<String, Integer> days();

        Optional<Integer> remindDaysBefore();
    }
}
