package org.beiqin.duty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** MEMBER_OVER_AGE's boundary alone: 建议男性队员不超过60岁，女性队员不超过50岁 (notice 002). */
class OverAgeTest {

    @Test
    void aManOfLimitSixtyIsOverItFromHisSixtyFirstBirthday() {
        LocalDate born = LocalDate.of(1965, 3, 10);
        assertThat(MemberRules.overAge(born, LocalDate.of(2025, 3, 10), 60)).as("sixtieth birthday").isFalse();
        assertThat(MemberRules.overAge(born, LocalDate.of(2026, 3, 9), 60)).as("the day before the 61st").isFalse();
        assertThat(MemberRules.overAge(born, LocalDate.of(2026, 3, 10), 60)).as("61st birthday").isTrue();
    }

    @Test
    void aWomanOfLimitFiftyLikewise() {
        LocalDate born = LocalDate.of(1975, 12, 31);
        assertThat(MemberRules.overAge(born, LocalDate.of(2026, 12, 30), 50)).isFalse();
        assertThat(MemberRules.overAge(born, LocalDate.of(2026, 12, 31), 50)).isTrue();
    }

    @Test
    void bornOnTheTwentyNinthOfFebruaryTheBirthdayIsTheFirstOfMarchInOtherYears() {
        LocalDate born = LocalDate.of(1964, 2, 29);
        assertThat(MemberRules.overAge(born, LocalDate.of(2025, 2, 28), 60)).isFalse();
        assertThat(MemberRules.overAge(born, LocalDate.of(2025, 3, 1), 60)).isTrue();
    }
}
