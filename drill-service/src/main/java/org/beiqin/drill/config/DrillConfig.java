package org.beiqin.drill.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The drill service's settings ({@code beiqin.drill.*}); unknown keys fail the start. */
@ConfigMapping(prefix = "beiqin.drill")
public interface DrillConfig {

    Rules rules();

    Sweep sweep();

    /**
     * Townships that must drill the 三断 even if they have never recorded a drill (统计用区划代码);
     * townships with any drill are known anyway.
     */
    Optional<List<String>> townships();

    interface Rules {
        /** EVALUATION_MISSING: days after the drill by which the evaluation must be filed. */
        @WithDefault("7")
        int evaluationDays();

        /** THREE_OUTAGES_NOT_DRILLED: flood season starts on this day (MM-DD) each year. */
        @WithDefault("06-01")
        String floodSeasonStart();

        /** THREE_OUTAGES_NOT_DRILLED: townships are flagged this many days before it. */
        @WithDefault("30")
        int threeOutagesLeadDays();

        /** Severities other than RULES.md's defaults: {@code severity.SUPPLIES_NOT_DRAWN=high}. */
        Map<String, String> severity();

        /** A county's own practice: {@code county."410182".evaluation-days=5}. */
        Map<String, County> county();
    }

    interface County {
        Optional<Integer> evaluationDays();

        Optional<Integer> threeOutagesLeadDays();

        Map<String, String> severity();
    }

    interface Sweep {
        /** How often time-based rules are checked; {@code off} disables the sweep. */
        @WithDefault("15m")
        String every();
    }
}
