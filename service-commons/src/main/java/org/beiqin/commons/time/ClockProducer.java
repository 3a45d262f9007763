package org.beiqin.commons.time;

import java.time.Clock;
import java.time.Duration;
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

    /**
     * Ticks in microseconds, PostgreSQL's timestamp precision: an instant read back from the
     * database equals the one written, so "how many days since" never loses a day to rounding.
     */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.system(CHINA), Duration.ofNanos(1_000));
    }
}
