package org.beiqin.duty.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.commons.sweep.SweepLock;

import io.quarkus.scheduler.Scheduled;

/** The time-based duty rules, every minute on one replica: missed check-ins, unanswered spot checks,
 * ages, team strength and roster gaps. */
@ApplicationScoped
public class DutySweep {

    @Inject
    SweepLock lock;

    @Inject
    AttendanceRules attendance;

    @Inject
    SpotCheckRule spotChecks;

    @Inject
    MemberRules members;

    @Inject
    CoverageRule coverage;

    @Scheduled(every = "${beiqin.duty.sweep.every:1m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** False when another replica is sweeping right now. */
    @Transactional
    public boolean sweep() {
        if (!lock.tryAcquire("duty")) {
            return false;
        }
        attendance.sweep();
        spotChecks.sweep();
        members.sweepAges();
        members.sweepTeams();
        coverage.sweep();
        return true;
    }
}
