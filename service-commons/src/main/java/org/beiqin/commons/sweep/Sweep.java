package org.beiqin.commons.sweep;

import java.time.Clock;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * A periodic check that deadlines make necessary (nobody writes when a deadline passes). It runs
 * in one transaction, on one replica at a time ({@link SweepLock}); what it finds is judged per
 * key, so a repeated sweep emits nothing new. A service's sweep supplies its name, what a skipped
 * run returns, the work, and a {@code @Scheduled} method (its own period setting) calling
 * {@link #sweepPeriod(String)}, which runs once per period across the replicas.
 *
 * @param <R> what one run reports
 */
public abstract class Sweep<R> {

    @Inject
    SweepLock lock;

    @Inject
    Clock clock;

    private final String name;

    private final R skipped;

    protected Sweep(String name, R skipped) {
        this.name = name;
        this.skipped = skipped;
    }

    /** The work of one period, inside the sweep's transaction, while this replica holds the lock. */
    protected abstract R run();

    /** Runs the work, or returns the skipped result when another replica is sweeping right now. */
    @Transactional
    public R sweep() {
        return lock.tryAcquire(name) ? run() : skipped;
    }

    /**
     * The scheduled run: the work of the period of length {@code every} ({@code 15m}, {@code 1m})
     * that now falls in, on the first replica to ask; the others skip that period. Each replica's
     * schedule starts when it does, so without the claim two replicas would sweep twice a period.
     */
    @Transactional
    public R sweepPeriod(String every) {
        Duration period = DurationConverter.parseDuration(every);
        return lock.tryAcquire(name) && lock.claim(name, clock.instant(), period) ? run() : skipped;
    }
}
