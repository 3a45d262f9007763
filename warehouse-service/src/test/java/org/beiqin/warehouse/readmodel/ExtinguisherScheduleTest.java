package org.beiqin.warehouse.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The schedule arithmetic alone, without the service: dry powder per GB 50444-2008 and XF 95-2015. */
class ExtinguisherScheduleTest {

    private static final LocalDate MADE = LocalDate.of(2016, 3, 15);

    private static ExtinguisherSchedule dryPowder(LocalDate lastMonthly, LocalDate lastAnnual, LocalDate lastService) {
        return ExtinguisherSchedule.of(new ExtinguisherSchedule.Inputs(MADE, LocalDate.of(2016, 4, 1), lastMonthly,
                lastAnnual, lastService, 31, 365, 5, 2, 10));
    }

    @Test
    void eachScheduleIsDueThroughItsDayAndOverdueTheDayAfter() {
        ExtinguisherSchedule s = dryPowder(LocalDate.of(2024, 1, 1), LocalDate.of(2023, 6, 1), LocalDate.of(2023, 3, 1));
        assertThat(s.monthlyCheckDue()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(s.overdue(LocalDate.of(2024, 2, 1))).doesNotContain("monthlyCheck");
        assertThat(s.overdue(LocalDate.of(2024, 2, 2))).contains("monthlyCheck");
        assertThat(s.annualInspectionDue()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(s.serviceDue()).as("two years after the last service").isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void neverServicedMeansFiveYearsFromManufactureAndTheScrapAgeIsReachedOnTheTenthAnniversary() {
        ExtinguisherSchedule s = dryPowder(null, null, null);
        assertThat(s.serviceDue()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(s.monthlyCheckDue()).as("counted from registration").isEqualTo(LocalDate.of(2016, 5, 2));
        assertThat(s.scrapAgeReached(LocalDate.of(2026, 3, 14))).isFalse();
        assertThat(s.scrapAgeReached(LocalDate.of(2026, 3, 15))).isTrue();
    }
}
