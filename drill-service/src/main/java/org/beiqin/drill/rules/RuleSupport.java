package org.beiqin.drill.rules;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.drill.Drill;
import org.beiqin.drill.config.RuleParameters;

/** What every drill rule works with: its findings, their state, its parameters, the clock. */
abstract class RuleSupport {


    @Inject
    Findings findings;

    @Inject
    Discrepancies discrepancies;

    @Inject
    RuleParameters parameters;

    @Inject
    Clock clock;

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The day the drill took place (Asia/Shanghai), or null when it has not. */
    static LocalDate drillDay(Drill drill) {
        return drill.actualStart == null ? null : LocalDate.ofInstant(drill.actualStart, CHINA);
    }

    /** Whether the plan counts as adopted: approved, conducted or evaluated. */
    static boolean adopted(Drill drill) {
        return switch (drill.status) {
            case APPROVED, CONDUCTED, EVALUATED -> true;
            default -> false;
        };
    }
}
