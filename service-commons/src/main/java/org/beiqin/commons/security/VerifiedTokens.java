package org.beiqin.commons.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser every service and the gateway use: SmallRye's, with each token's
 * verification remembered for a short while. A phone or the console sends the same access token
 * with every request for its quarter hour; checking its RSA signature and re-reading its claims
 * each time was a tenth of a stock receipt's CPU (bench/RESULTS.md, issue 20).
 * <p>What is remembered is exactly the text of a token that SmallRye accepted, and only until the
 * earlier of {@link #REUSE} after it was verified and the token's own expiry, so a token is never
 * accepted for longer than the parser would accept it. Access tokens carry no revocation (a signed
 * token is valid until it expires; sign-out revokes the refresh token), so nothing else can change
 * the answer meanwhile. A refused token is never remembered. At most {@link #MAX_ENTRIES} tokens
 * are kept: when full, the expired ones are dropped, and if that is not enough, all of them.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens implements JWTParser {

    static final Duration REUSE = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 2_000;

    private final JWTParser parser;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(JsonWebToken token, long untilMillis) {
    }

    @Inject
    VerifiedTokens(DefaultJWTParser parser) {
        this(parser, Clock.systemUTC());
    }

    /** The clock is the one the parser checks expiry against: real time, never a test's clock. */
    VerifiedTokens(JWTParser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.millis();
        Verified hit = verified.get(token);
        if (hit != null && now < hit.untilMillis()) {
            return hit.token();
        }
        if (hit != null) {
            verified.remove(token, hit);
        }
        JsonWebToken jwt = parser.parse(token);
        long expiresAt = jwt.getExpirationTime() * 1000;
        long until = Math.min(now + REUSE.toMillis(), expiresAt);
        if (until > now) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(v -> v.untilMillis() <= now);
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    // with another key or context than the configured one: not remembered

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
