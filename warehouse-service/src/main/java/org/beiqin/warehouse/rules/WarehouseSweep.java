package org.beiqin.warehouse.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.beiqin.commons.sweep.Sweep;

import io.quarkus.scheduler.Scheduled;

/**
 * The time-based warehouse rules: deadlines pass without anybody writing. {@link #sweep()} is
 * false when another replica is sweeping right now.
 */
@ApplicationScoped
public class WarehouseSweep extends Sweep<Boolean> {

    @Inject
    StocktakeOverdueRule stocktakeOverdue;

    @Inject
    IssuedNotReturnedRule issuedNotReturned;

    @Inject
    ExpiredStockRule expiredStock;

    @Inject
    BelowStandardRule belowStandard;

    @Inject
    EquipmentRules equipment;

    @Inject
    PersonalKitRule personalKit;

    WarehouseSweep() {
        super("warehouse", false);
    }

    @ConfigProperty(name = "beiqin.warehouse.sweep.every", defaultValue = "15m")
    String every;

    @Scheduled(every = "${beiqin.warehouse.sweep.every:15m}", delayed = "${beiqin.warehouse.sweep.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweepPeriod(every);
    }

    @Override
    protected Boolean run() {
        stocktakeOverdue.sweep();
        issuedNotReturned.sweep();
        expiredStock.sweep();
        belowStandard.sweep();
        equipment.sweep();
        personalKit.sweep();
        return true;
    }
}
