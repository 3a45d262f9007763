package org.beiqin.duty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.beiqin.commons.time.ClockProducer;

/** COVERAGE_GAP's arithmetic alone, without the service: a day period 08:00—20:00 needing one leader and one staff. */
class CoverageTest {

    private static final Instant START = at(8, 0);
    private static final Instant END = at(20, 0);

    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(2026, 7, 20, hour, minute).atZone(ClockProducer.CHINA).toInstant();
    }

    private static Coverage.Cover leader(Instant from, Instant to) {
        return new Coverage.Cover(from, to, true);
    }

    private static Coverage.Cover staff(Instant from, Instant to) {
        return new Coverage.Cover(from, to, false);
    }

    private static List<Coverage.Gap> gaps(Coverage.Cover... shifts) {
        return Coverage.gaps(START, END, 1, 1, List.of(shifts));
    }

    @Test
    void anEmptyRosterIsOneGapOverTheWholePeriod() {
        assertThat(gaps()).containsExactly(new Coverage.Gap(START, END, 0, 0));
    }

    @Test
    void aLeaderAndAStaffForTheWholePeriodLeaveNoGap() {
        assertThat(gaps(leader(START, END), staff(START, END))).isEmpty();
    }

    @Test
    void aShiftEndingWhenTheNextBeginsLeavesNoGapBetweenThem() {
        assertThat(gaps(leader(START, END), staff(START, at(14, 0)), staff(at(14, 0), END))).isEmpty();
    }

    @Test
    void aLunchWithoutStaffIsAGapThatSaysWhoIsThere() {
        assertThat(gaps(leader(START, END), staff(START, at(12, 0)), staff(at(14, 0), END)))
                .containsExactly(new Coverage.Gap(at(12, 0), at(14, 0), 1, 0));
    }

    @Test
    void shiftsReachingBeyondThePeriodCountOnlyInsideIt() {
        assertThat(gaps(leader(at(6, 0), at(22, 0)), staff(at(0, 0), at(9, 0)), staff(at(10, 0), at(23, 0))))
                .containsExactly(new Coverage.Gap(at(9, 0), at(10, 0), 1, 0));
        assertThat(gaps(leader(at(20, 0), at(23, 0)), staff(at(1, 0), START)))
                .as("shifts wholly outside the period count for nothing")
                .containsExactly(new Coverage.Gap(START, END, 0, 0));
    }

    @Test
    void adjacentIntervalsMergeOnlyWhenTheCountsAreTheSame() {
        // 08—10 nobody; 10—12 a leader; 12—13 a leader (another one); 13—20 full
        assertThat(gaps(leader(at(10, 0), at(12, 0)), leader(at(12, 0), END), staff(at(13, 0), END)))
                .containsExactly(new Coverage.Gap(START, at(10, 0), 0, 0), new Coverage.Gap(at(10, 0), at(13, 0), 1, 0));
    }

    @Test
    void twoLeadersDoNotMakeUpForMissingStaff() {
        assertThat(Coverage.gaps(START, END, 1, 2, List.of(leader(START, END), leader(START, END), staff(START, END))))
                .containsExactly(new Coverage.Gap(START, END, 2, 1));
    }
}
