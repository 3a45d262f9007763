package org.beiqin.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

/**
 * The clock of every test: it stands still until a test moves it. It takes the place of the
 * services' system clock (a {@code @DefaultBean}), so deadlines pass without sleeping.
 */
@Singleton
public class TestClock extends Clock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private volatile Instant now = startOfTest();

    @Override
    public ZoneId getZone() {
        return CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant instant) {
        now = instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Sets the clock to a local date-time in Asia/Shanghai. */
    public void set(LocalDateTime chinaTime) {
        now = chinaTime.atZone(CHINA).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void advanceDays(long days) {
        advance(Duration.ofDays(days));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, CHINA);
    }

    public void reset() {
        now = startOfTest();
    }

    /** Microseconds, as the production clock and PostgreSQL keep them. */
    private static Instant startOfTest() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
