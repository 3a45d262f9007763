package org.beiqin.drill.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.beiqin.commons.sweep.Sweep;

import io.quarkus.scheduler.Scheduled;

/** The time-based drill rules; {@link #sweep()} is false when another replica is sweeping right now. */
@ApplicationScoped
public class DrillSweep extends Sweep<Boolean> {

    @Inject
    EvaluationRules evaluation;

    @Inject
    SuppliesNotDrawnRule supplies;

    @Inject
    ImprovementOverdueRule improvements;

    @Inject
    ThreeOutagesRule threeOutages;

    DrillSweep() {
        super("drill", false);
    }

    @ConfigProperty(name = "beiqin.drill.sweep.every", defaultValue = "15m")
    String every;

    @Scheduled(every = "${beiqin.drill.sweep.every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweepPeriod(every);
    }

    @Override
    protected Boolean run() {
        evaluation.sweep();
        supplies.sweep();
        improvements.sweep();
        threeOutages.sweep();
        return true;
    }
}
