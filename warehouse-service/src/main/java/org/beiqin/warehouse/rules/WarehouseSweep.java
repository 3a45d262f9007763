package org.beiqin.warehouse.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.beiqin.commons.sweep.SweepLock;

import io.quarkus.scheduler.Scheduled;

/**
 * The periodic sweep of the time-based rules: deadlines pass without anybody writing. Runs on one
 * replica at a time (advisory lock); the open/resolved state per key makes a repeated sweep emit
 * nothing new.
 */
@ApplicationScoped
public class WarehouseSweep {

    private static final Logger LOG = Logger.getLogger(WarehouseSweep.class);

    @Inject
    SweepLock lock;

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

    @Scheduled(every = "${beiqin.warehouse.sweep.every:15m}", delayed = "${beiqin.warehouse.sweep.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Returns false when another replica is sweeping right now. */
    @Transactional
    public boolean sweep() {
        if (!lock.tryAcquire("warehouse")) {
            LOG.debug("another replica is sweeping");
            return false;
        }
        stocktakeOverdue.sweep();
        issuedNotReturned.sweep();
        expiredStock.sweep();
        belowStandard.sweep();
        equipment.sweep();
        personalKit.sweep();
        return true;
    }
}
