package org.beiqin.drill.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.beiqin.drill.Drill;

/** The date arithmetic of EVALUATION_MISSING and THREE_OUTAGES_NOT_DRILLED alone, without the service. */
class DrillDatesTest {

    private static final MonthDay JUNE_FIRST = MonthDay.of(6, 1);

    @Test
    void theDrillDayIsBeijingsDayAndTheEvaluationIsMissingFromTheDayAfterTheDueDay() {
        Drill drill = new Drill();
        drill.actualStart = Instant.parse("2026-05-20T16:30:00Z"); // 00:30 on 21 May in Beijing
        LocalDate day = RuleSupport.drillDay(drill);
        assertThat(day).isEqualTo(LocalDate.of(2026, 5, 21));
        LocalDate due = EvaluationRules.due(day, 7);
        assertThat(due).isEqualTo(LocalDate.of(2026, 5, 28));
        assertThat(EvaluationRules.overdue(due, LocalDate.of(2026, 5, 28))).as("the due day is still in time").isFalse();
        assertThat(EvaluationRules.overdue(due, LocalDate.of(2026, 5, 29))).isTrue();
    }

    @Test
    void aDrillNotYetHeldHasNoDrillDay() {
        assertThat(RuleSupport.drillDay(new Drill())).isNull();
    }

    @Test
    void aTownshipIsCheckedFromItsLeadDaysBeforeTheSeasonToTheEndOfTheYear() {
        ThreeOutagesRule.Standing before = standing(LocalDate.of(2026, 5, 1), Optional.empty());
        assertThat(before.windowStart()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(before.seasonStart()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(before.checked()).as("31 days before").isFalse();
        assertThat(standing(LocalDate.of(2026, 5, 2), Optional.empty()).checked()).as("30 days before").isTrue();
        assertThat(standing(LocalDate.of(2026, 12, 31), Optional.empty()).checked()).isTrue();
        assertThat(standing(LocalDate.of(2027, 1, 1), Optional.empty()).checked())
                .as("the next year judges the next season").isFalse();
    }

    @Test
    void aDrillInTheWindowMakesTheTownshipDrilled() {
        ThreeOutagesRule.Standing drilled = standing(LocalDate.of(2026, 5, 15), Optional.of(LocalDate.of(2025, 9, 3)));
        assertThat(drilled.checked()).isTrue();
        assertThat(drilled.drilled()).isTrue();
        assertThat(standing(LocalDate.of(2026, 5, 15), Optional.empty()).drilled()).isFalse();
    }

    @Test
    void aCountysOwnLeadDaysMoveTheFirstDayChecked() {
        assertThat(ThreeOutagesRule.Standing.of("410183101", 2026, JUNE_FIRST, 10, LocalDate.of(2026, 5, 21),
                Optional.empty()).checked()).isFalse();
        assertThat(ThreeOutagesRule.Standing.of("410183101", 2026, JUNE_FIRST, 10, LocalDate.of(2026, 5, 22),
                Optional.empty()).checked()).isTrue();
    }

    private static ThreeOutagesRule.Standing standing(LocalDate today, Optional<LocalDate> lastDrilled) {
        return ThreeOutagesRule.Standing.of("410182102", 2026, JUNE_FIRST, 30, today, lastDrilled);
    }
}
