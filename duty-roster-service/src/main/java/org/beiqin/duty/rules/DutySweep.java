package org.beiqin.duty.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.beiqin.commons.sweep.Sweep;

import io.quarkus.scheduler.Scheduled;

/**
 * The time-based duty rules, every minute: missed check-ins, unanswered spot checks, ages, team
 * strength and roster gaps. {@link #sweep()} is false when another replica is sweeping right now.
 */
@ApplicationScoped
public class DutySweep extends Sweep<Boolean> {

    @Inject
    AttendanceRules attendance;

    @Inject
    SpotCheckRule spotChecks;

    @Inject
    MemberRules members;

    @Inject
    CoverageRule coverage;

    DutySweep() {
        super("duty", false);
    }

    @ConfigProperty(name = "beiqin.duty.sweep.every", defaultValue = "1m")
    String every;

    @Scheduled(every = "${beiqin.duty.sweep.every:1m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweepPeriod(every);
    }

    @Override
    protected Boolean run() {
        attendance.sweep();
        spotChecks.sweep();
        members.sweepAges();
        members.sweepTeams();
        coverage.sweep();
        return true;
    }
}
