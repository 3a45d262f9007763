package org.beiqin.rectification.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beiqin.commons.security.Divisions;
import org.beiqin.rectification.config.RectificationConfig;

/** 整改时限 until the county office sets its own: days from detection by severity, per county. */
@ApplicationScoped
public class Deadlines {


    @Inject
    RectificationConfig config;

    public LocalDate defaultDeadline(String division, String severity, Instant detectedAt) {
        return LocalDate.ofInstant(detectedAt, CHINA).plusDays(days(division, severity));
    }

    public int days(String division, String severity) {
        RectificationConfig.CountyDeadlines county = config.deadlines().county().get(Divisions.county(division));
        if (county != null && county.days().containsKey(severity)) {
            return county.days().get(severity);
        }
        return config.deadlines().days().getOrDefault(severity, 30);
    }

    public int remindDaysBefore(String division) {
        RectificationConfig.CountyDeadlines county = config.deadlines().county().get(Divisions.county(division));
        return county == null ? config.deadlines().remindDaysBefore()
                : county.remindDaysBefore().orElse(config.deadlines().remindDaysBefore());
    }

    /** The widest reminder window of any county, so that one query finds every candidate. */
    public int widestReminder() {
        int widest = config.deadlines().remindDaysBefore();
        for (RectificationConfig.CountyDeadlines county : config.deadlines().county().values()) {
            widest = Math.max(widest, county.remindDaysBefore().orElse(0));
        }
        return widest;
    }
}
