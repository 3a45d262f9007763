package org.beiqin.commons.security;

import java.time.Duration;
import java.util.Set;

/**
 * What a token's claims must satisfy before any scoped query runs (see {@link TokenClaimsFilter}).
 * Pure, so it is tested without a server.
 */
public final class TokenRules {

    private TokenRules() {
    }

    /**
     * Why a token with these claims is refused, or {@code null} when it is acceptable.
     *
     * @param issuedAt and {@code expiresAt} in epoch seconds ({@code 0} when absent)
     */
    public static String refusal(Object division, Set<String> roles, long issuedAt, long expiresAt,
            Duration maxLifetime) {
        if (!(division instanceof String code) || !Divisions.isValid(code)) {
            return "division claim missing or not a division code";
        }
        for (String role : roles == null ? Set.<String>of() : roles) {
            if (!Roles.fitsLevel(role, code)) {
                return "role " + role + " does not fit division " + code;
            }
        }
        if (issuedAt <= 0 || expiresAt <= 0) {
            return "iat or exp missing";
        }
        if (expiresAt - issuedAt > maxLifetime.toSeconds()) {
            return "issued for " + (expiresAt - issuedAt) + " s, more than " + maxLifetime.toSeconds() + " s";
        }
        return null;
    }
}
