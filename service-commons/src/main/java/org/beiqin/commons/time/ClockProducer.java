package org.beiqin.commons.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock every time-based rule reads. Tests replace it with a clock they move, so that no
 * test sleeps to see a deadline pass.
 */
public class ClockProducer {

    /** Calendar dates and "days" are Asia/Shanghai (ARCHITECTURE.md); instants are stored in UTC. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(CHINA);
    }
}
