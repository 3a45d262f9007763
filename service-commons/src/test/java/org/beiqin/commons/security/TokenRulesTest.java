package org.beiqin.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What a signed token's claims must be before any scoped query trusts them (issue 15, no. 6). */
class TokenRulesTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final long NOW = 1_780_000_000L;

    private static String refusal(Object division, Set<String> roles, long lifetimeSeconds) {
        return TokenRules.refusal(division, roles, NOW, NOW + lifetimeSeconds, HOUR);
    }

    @Test
    void aDivisionMustBeACountyTownshipOrVillageCode() {
        for (String good : new String[] {"410182", "410182102", "410182102201"}) {
            assertThat(refusal(good, Set.of("keeper"), 900)).as(good).isNull();
        }
        for (Object bad : new Object[] {null, "", "%", "4101", "4101821__", "410182102%", "41018210", 410182,
                "410182102201000"}) {
            assertThat(refusal(bad, Set.of("keeper"), 900)).as(String.valueOf(bad)).contains("division");
        }
    }

    @Test
    void theCountyOfficesRoleBelongsToACountyOnly() {
        assertThat(refusal("410182", Set.of("county_office"), 900)).isNull();
        assertThat(refusal("410182102", Set.of("county_office"), 900)).contains("county_office");
        assertThat(refusal("410182102201", Set.of("keeper", "county_office"), 900)).contains("county_office");
        assertThat(refusal("410182102", Set.of("keeper", "duty_officer", "admin"), 900)).isNull();
    }

    @Test
    void aTokenIssuedForLongerThanTheMaximumIsRefused() {
        assertThat(refusal("410182102", Set.of("keeper"), 3600)).isNull();
        assertThat(refusal("410182102", Set.of("keeper"), 3601)).contains("3601");
        assertThat(TokenRules.refusal("410182102", Set.of("keeper"), 0, NOW, HOUR)).contains("iat");
    }
}
