package org.beiqin.drill.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.commons.sweep.SweepLock;

import io.quarkus.scheduler.Scheduled;

/** The time-based drill rules, on one replica at a time; state per key makes a repeat emit nothing. */
@ApplicationScoped
public class DrillSweep {

    @Inject
    SweepLock lock;

    @Inject
    EvaluationRules evaluation;

    @Inject
    SuppliesNotDrawnRule supplies;

    @Inject
    ImprovementOverdueRule improvements;

    @Inject
    ThreeOutagesRule threeOutages;

    @Scheduled(every = "${beiqin.drill.sweep.every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** False when another replica is sweeping right now. */
    @Transactional
    public boolean sweep() {
        if (!lock.tryAcquire("drill")) {
            return false;
        }
        evaluation.sweep();
        supplies.sweep();
        improvements.sweep();
        threeOutages.sweep();
        return true;
    }
}
