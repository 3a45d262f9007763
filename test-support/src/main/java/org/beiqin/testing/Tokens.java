package org.beiqin.testing;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Tokens as the gateway issues them (ARCHITECTURE.md: {@code sub}, {@code name}, {@code groups},
 * {@code division}), signed with the test key the services trust under the test profile.
 */
public final class Tokens {

    public static final String ISSUER = "https://beiqin.test/issuer";

    private Tokens() {
    }

    public static String keeper(String division) {
        return token("keeper-" + division, "库管员" + division, division, Set.of("keeper"));
    }

    public static String countyOffice(String county) {
        return token("county-" + county, "县应急办" + county, county, Set.of("county_office"));
    }

    public static String token(String subject, String name, String division, Set<String> roles) {
        return sign(subject, name, division, roles, Instant.now().plus(Duration.ofHours(1)),
                "beiqin-test/jwt-private.pem");
    }

    public static String expired(String division) {
        return sign("keeper-" + division, "过期", division, Set.of("keeper"), Instant.now().minusSeconds(600),
                "beiqin-test/jwt-private.pem");
    }

    /** Signed by a key no service trusts. */
    public static String foreign(String division) {
        return sign("keeper-" + division, "冒充", division, Set.of("keeper"), Instant.now().plusSeconds(600),
                "beiqin-test/other-private.pem");
    }

    private static String sign(String subject, String name, String division, Set<String> roles, Instant expiresAt,
            String keyLocation) {
        try {
            PrivateKey key = KeyUtils.readPrivateKey(keyLocation);
            return Jwt.issuer(ISSUER)
                    .subject(subject)
                    .claim("name", name)
                    .claim("division", division)
                    .groups(roles)
                    .issuedAt(expiresAt.minus(Duration.ofHours(1)))
                    .expiresAt(expiresAt)
                    .claim("jti", UUID.randomUUID().toString())
                    .jws().keyId("beiqin-test")
                    .sign(key);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }
}
