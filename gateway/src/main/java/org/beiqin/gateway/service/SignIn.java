package org.beiqin.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.gateway.LoginFailure;
import org.beiqin.gateway.RefreshToken;
import org.beiqin.gateway.User;
import org.beiqin.gateway.config.GatewayConfig;

import io.smallrye.jwt.build.Jwt;

/**
 * Password sign-in, refresh and sign-out. A wrong password, an unknown name and a disabled
 * account get the same answer after the same work (a bcrypt comparison), and the lockout counts
 * failures per typed name whether or not it exists, so nothing tells which names are real.
 */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    GatewayConfig config;

    @Inject
    KeyMaterial keys;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /** What a successful sign-in or refresh hands out. */
    public record Session(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt,
            User user) {
    }

    /** The accounts' locks still in force at {@code now}, by lower-cased user name, read in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Instant> locks(Collection<User> users, Instant now) {
        List<String> names = users.stream().map(u -> u.username.toLowerCase(Locale.ROOT)).distinct().toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        return LoginFailure.<LoginFailure>list("username in ?1 and lockedUntil > ?2", names, now).stream()
                .collect(Collectors.toMap(f -> f.username, f -> f.lockedUntil));
    }

    @Transactional(dontRollbackOn = ProblemException.class)
    public Session login(String username, String password) {
        Instant now = clock.instant();
        String name = username.trim().toLowerCase(Locale.ROOT);
        // Attempts under one name take turns (a transaction-scoped advisory lock): forty parallel
        // guesses are judged one after another against the count, so the lock comes after exactly
        // max-failures of them, and no two insert the same failure row at once.
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 7))) turn")
                .setParameter(1, name).getSingleResult();
        LoginFailure failure = LoginFailure.findById(name);
        if (failure != null && failure.lockedUntil != null && failure.lockedUntil.isAfter(now)) {
            throw locked(failure.lockedUntil, now);
        }
        User user = User.byUsername(name).orElse(null);
        boolean matches = Passwords.matches(password, user == null ? null : user.passwordHash);
        if (user == null || !user.active || !matches) {
            Instant lockedUntil = recordFailure(failure, name, now);
            LOG.infof("failed sign-in as '%s'%s", name, lockedUntil == null ? "" : ", locked until " + lockedUntil);
            if (lockedUntil != null) {
                throw locked(lockedUntil, now);
            }
            throw new ProblemException(401, "login-failed");
        }
        if (failure != null) {
            failure.delete();
        }
        return issue(user, UUID.randomUUID(), now);
    }

    @Transactional(dontRollbackOn = ProblemException.class)
    public Session refresh(String refreshToken) {
        Instant now = clock.instant();
        String hash = hash(refreshToken);
        // One guarded statement spends the token: of several presenting it at once, exactly one
        // updates the row; the others wait for that commit, find it replaced, and are refused.
        int spent = RefreshToken.update("replacedAt = ?1 where tokenHash = ?2 and replacedAt is null"
                + " and revokedAt is null and expiresAt > ?1", now, hash);
        RefreshToken stored = RefreshToken.findById(hash);
        if (stored == null || stored.revokedAt != null || !stored.expiresAt.isAfter(now)) {
            throw new ProblemException(401, "refresh-invalid");
        }
        if (spent == 0) {
            if (stored.replacedAt != null && !stored.replacedAt.plus(config.tokens().reuseGrace()).isBefore(now)) {
                // spent a moment ago by a request racing this one (two tabs): refused, sign-in kept
                throw new ProblemException(401, "refresh-invalid");
            }
            // a replaced token came back later: someone holds a copy; end the whole sign-in
            LOG.warnf("refresh token of family %s reused; the family is revoked", stored.family);
            revokeFamily(stored.family, now);
            throw new ProblemException(401, "refresh-invalid");
        }
        User user = User.findById(stored.userId);
        if (user == null || !user.active) {
            revokeFamily(stored.family, now);
            throw new ProblemException(401, "refresh-invalid");
        }
        return issue(user, stored.family, now);
    }

    /** Ends the sign-in the refresh token belongs to; an unknown token changes nothing. */
    @Transactional
    public void logout(String refreshToken) {
        RefreshToken stored = RefreshToken.findById(hash(refreshToken));
        if (stored != null) {
            revokeFamily(stored.family, clock.instant());
        }
    }

    /** Every sign-in of the user ends: after a password reset, a role change, or disabling. */
    @Transactional
    public void revokeAll(UUID userId) {
        RefreshToken.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", clock.instant(), userId);
    }

    @Transactional
    public void unlock(String username) {
        LoginFailure.deleteById(username.toLowerCase(Locale.ROOT));
    }

    private Session issue(User user, UUID family, Instant now) {
        GatewayConfig.Tokens tokens = config.tokens();
        Instant accessExpiresAt = now.plus(tokens.accessLifespan());
        String access = Jwt.issuer(tokens.issuer())
                .subject(user.username)
                .claim("name", user.displayName)
                .claim("division", user.division)
                .groups(user.roleSet())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(accessExpiresAt)
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());

        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = hash(refresh);
        stored.userId = user.id;
        stored.family = family;
        stored.issuedAt = now;
        stored.expiresAt = now.plus(tokens.refreshLifespan());
        stored.persist();
        return new Session(access, accessExpiresAt, refresh, stored.expiresAt, user);
    }

    private Instant recordFailure(LoginFailure failure, String name, Instant now) {
        GatewayConfig.Lockout lockout = config.lockout();
        if (failure == null) {
            failure = new LoginFailure();
            failure.username = name;
            failure.failures = 0;
            failure.lastFailure = now;
            failure.persist();
        } else if (failure.lastFailure.plus(lockout.window()).isBefore(now)
                && (failure.lockedUntil == null || failure.lockedUntil.plus(lockout.window()).isBefore(now))) {
            failure.failures = 0;
            failure.lockedUntil = null;
        }
        failure.failures++;
        failure.lastFailure = now;
        int beyond = failure.failures - lockout.maxFailures();
        if (beyond >= 0) {
            // 5 min, then 10, 20, 40… for each further failure after a lock ran out
            long factor = 1L << Math.min(beyond, 20);
            Duration lock = lockout.duration().multipliedBy(factor);
            if (lock.compareTo(lockout.maxDuration()) > 0) {
                lock = lockout.maxDuration();
            }
            failure.lockedUntil = now.plus(lock);
            return failure.lockedUntil;
        }
        return null;
    }

    private static ProblemException locked(Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        long minutes = (seconds + 59) / 60;
        return new ProblemException(429, "login-locked", List.of(), Map.of("retryAfterSeconds", seconds), minutes);
    }

    private void revokeFamily(UUID family, Instant now) {
        RefreshToken.update("revokedAt = ?1 where family = ?2 and revokedAt is null", now, family);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
