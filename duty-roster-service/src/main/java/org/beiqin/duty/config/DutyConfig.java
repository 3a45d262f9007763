package org.beiqin.duty.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The duty-roster service's settings ({@code beiqin.duty.*}); unknown keys fail the start. */
@ConfigMapping(prefix = "beiqin.duty")
public interface DutyConfig {

    Rules rules();

    Sweep sweep();

    Accounts accounts();

    interface Rules {
        /** NOT_CHECKED_IN / LEADER_ABSENT: minutes after a shift starts. */
        @WithDefault("15")
        int checkInGraceMinutes();

        /** UNREACHABLE: minutes a spot check may go unanswered. */
        @WithDefault("10")
        int spotCheckMinutes();

        /** TEAM_BELOW_MINIMUM: active members a team needs, by level (township 30, village 10). */
        Map<String, Integer> minSize();

        /** MEMBER_OVER_AGE: the oldest a member may be, by gender (M 60, F 50). */
        Map<String, Integer> maxAge();

        /** Severities other than RULES.md's defaults. */
        Map<String, String> severity();

        /** A county's own practice: {@code county."410182".min-size.village=8}. */
        Map<String, County> county();
    }

    interface County {
        Optional<Integer> checkInGraceMinutes();

        Optional<Integer> spotCheckMinutes();

        Map<String, Integer> minSize();

        Map<String, Integer> maxAge();

        Map<String, String> severity();
    }

    interface Sweep {
        @WithDefault("1m")
        String every();
    }

    /** The sign-in accounts members are bound to, from the gateway's {@code identity.users}. */
    interface Accounts {
        /** Whether this replica consumes {@code identity.users} (every replica does: each keeps the same table). */
        @WithDefault("true")
        boolean consume();
    }
}
