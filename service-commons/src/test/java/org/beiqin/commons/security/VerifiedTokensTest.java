package org.beiqin.commons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * A token's verification is remembered for a minute at most and never past the token's expiry; a
 * refused or altered token is refused every time. SmallRye's own parser does the verifying, with
 * real RSA keys; the remembering runs on a clock the test moves.
 */
class VerifiedTokensTest {

    private static final String ISSUER = "https://beiqin.test/issuer";
    private static final KeyPair KEYS = keys();
    private static final KeyPair OTHER_KEYS = keys();

    private final AtomicInteger verifications = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.now());
    private final VerifiedTokens tokens = new VerifiedTokens(new DefaultJWTParser(
            new JWTAuthContextInfo(KEYS.getPublic(), ISSUER)) {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    }, clock);

    @Test
    void aTokenIsVerifiedOnceAndThenRememberedForAMinute() throws Exception {
        String token = sign(KEYS, "keeper-410182102", Duration.ofMinutes(15));
        assertThat(tokens.parse(token).getSubject()).isEqualTo("keeper-410182102");
        assertThat(tokens.parse(token).getSubject()).isEqualTo("keeper-410182102");
        assertThat(verifications).as("the second request is not verified again").hasValue(1);

        clock.move(Duration.ofSeconds(61));
        assertThat(tokens.parse(token).getSubject()).isEqualTo("keeper-410182102");
        assertThat(verifications).as("after a minute it is verified again").hasValue(2);
    }

    @Test
    void aTokenIsNeverRememberedPastItsExpiry() throws Exception {
        String token = sign(KEYS, "officer-410182102201", Duration.ofSeconds(30));
        tokens.parse(token);
        clock.move(Duration.ofSeconds(31));
        tokens.parse(token);
        assertThat(verifications).as("past its expiry it goes back to the parser").hasValue(2);
    }

    @Test
    void aRefusedOrAlteredTokenIsRefusedEveryTime() throws Exception {
        String forged = sign(OTHER_KEYS, "county-410182", Duration.ofMinutes(15));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);
        }
        assertThat(verifications).hasValue(2);

        String token = sign(KEYS, "keeper-410182102", Duration.ofMinutes(15));
        tokens.parse(token);
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> tokens.parse(altered)).isInstanceOf(ParseException.class);
    }

    private static String sign(KeyPair keys, String subject, Duration lifetime) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plus(lifetime).getEpochSecond()));
        claims.setStringListClaim("groups", List.of("keeper"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
