package org.beiqin.duty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import org.beiqin.duty.DutyTestBase;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The scheduled duty sweep runs once per period whichever replica asks first: replicas start at
 * different moments, so their minute-by-minute schedules never line up, and the sweep's lock alone
 * (one at a time) would let each of two replicas run every minute.
 */
@QuarkusTest
class SweepPeriodTest extends DutyTestBase {

    @Inject
    DutySweep sweep;

    @Inject
    EntityManager em;

    @Test
    void aPeriodIsSweptOnceAndTheNextPeriodAgain() {
        // the next minute but one: as near now as the other tests' sweeps run, so nothing else moves
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        clock.set(minute.plusSeconds(10));
        assertThat(sweep.sweepPeriod("1m")).as("the first to ask in a minute sweeps").isTrue();
        // a second replica whose schedule fires 30 s later in the same minute
        clock.set(minute.plusSeconds(40));
        assertThat(sweep.sweepPeriod("1m")).as("the same minute again").isFalse();
        clock.set(minute.plusSeconds(70));
        assertThat(sweep.sweepPeriod("1m")).as("the next minute").isTrue();
        assertThat(sweep.sweepPeriod("1m")).isFalse();
        // the unscheduled sweep (the county's button, the tests) is not held to the period
        assertThat(sweep.sweep()).isTrue();

        List<OffsetDateTime> periods = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT period_start FROM sweep_run WHERE name = 'duty' AND period_start >= ? ORDER BY 1",
                OffsetDateTime.class).setParameter(1, minute.atOffset(ZoneOffset.UTC)).getResultList());
        assertThat(periods.stream().map(OffsetDateTime::toInstant))
                .containsExactly(minute, minute.plus(Duration.ofMinutes(1)));
    }
}
