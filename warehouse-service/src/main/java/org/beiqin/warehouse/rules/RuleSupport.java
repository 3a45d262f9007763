package org.beiqin.warehouse.rules;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.warehouse.readmodel.StockQueries;

/** What every warehouse rule works with: its findings, their state, the ledger, the clock. */
abstract class RuleSupport {

    @Inject
    Findings findings;

    @Inject
    Discrepancies discrepancies;

    @Inject
    StockQueries stock;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Today in Asia/Shanghai (the clock's zone). */
    LocalDate today() {
        return LocalDate.now(clock);
    }
}
