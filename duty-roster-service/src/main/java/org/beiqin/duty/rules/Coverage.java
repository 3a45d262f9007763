package org.beiqin.duty.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The coverage arithmetic of COVERAGE_GAP, without the database: which intervals of a duty period
 * have fewer leaders or staff on shift than it needs. Shifts are clipped to the period; a shift
 * counts from its start up to (not including) its end; adjacent intervals with the same counts are
 * one gap.
 */
public final class Coverage {

    /** One shift as coverage sees it: when, and whether a leader (带班领导) or staff (值班人员) stands it. */
    public record Cover(Instant from, Instant to, boolean leader) {
    }

    /** An interval without enough people, and who is there. */
    public record Gap(Instant from, Instant to, int leaders, int staff) {
    }

    private Coverage() {
    }

    public static List<Gap> gaps(Instant start, Instant end, int minLeaders, int minStaff, List<Cover> shifts) {
        List<Cover> within = shifts.stream().filter(s -> s.to().isAfter(start) && s.from().isBefore(end)).toList();
        TreeSet<Instant> cuts = new TreeSet<>(List.of(start, end));
        for (Cover s : within) {
            cuts.add(s.from().isBefore(start) ? start : s.from());
            cuts.add(s.to().isAfter(end) ? end : s.to());
        }
        List<Gap> gaps = new ArrayList<>();
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null) {
                Instant from = previous;
                int leaders = 0;
                int staff = 0;
                for (Cover s : within) {
                    if (!s.from().isAfter(from) && s.to().isAfter(from)) {
                        if (s.leader()) {
                            leaders++;
                        } else {
                            staff++;
                        }
                    }
                }
                if (leaders < minLeaders || staff < minStaff) {
                    Gap last = gaps.isEmpty() ? null : gaps.get(gaps.size() - 1);
                    if (last != null && last.to().equals(from) && last.leaders() == leaders && last.staff() == staff) {
                        gaps.set(gaps.size() - 1, new Gap(last.from(), cut, leaders, staff));
                    } else {
                        gaps.add(new Gap(from, cut, leaders, staff));
                    }
                }
            }
            previous = cut;
        }
        return gaps;
    }
}
