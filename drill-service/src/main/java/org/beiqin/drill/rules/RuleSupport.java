package org.beiqin.drill.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Inject;

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.drill.Drill;

/** What every drill rule works with: its findings, their state, its parameters, the clock. */
abstract class RuleSupport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

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
