package org.beiqin.duty.rules;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;

import org.beiqin.commons.discrepancy.Discrepancies;

/** What every duty rule works with: its findings, their state, its parameters, the clock. */
abstract class RuleSupport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
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
