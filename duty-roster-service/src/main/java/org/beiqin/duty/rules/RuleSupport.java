package org.beiqin.duty.rules;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.duty.config.RuleParameters;

/** What every duty rule works with: its findings, their state, its parameters, the clock. */
abstract class RuleSupport {

    /** Times as a duty room writes them, in Beijing time, to the minute. */
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    @Inject
    Findings findings;

    @Inject
    Discrepancies discrepancies;

    @Inject
    RuleParameters parameters;

    @Inject
    Clock clock;
}
