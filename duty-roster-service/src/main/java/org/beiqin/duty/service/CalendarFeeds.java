package org.beiqin.duty.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.duty.Shift;

/**
 * Calendar subscriptions: a secret address per user (and the division he signed in with) that a
 * phone's calendar reads without signing in. The token is shown once, when made; only its SHA-256
 * is stored. Making a new one replaces the old address, revoking ends it.
 */
@ApplicationScoped
@Transactional
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether the caller has an address, since when, and when a calendar last read it. */
    public record State(boolean enabled, Instant createdAt, Instant lastReadAt) {
    }

    @Inject
    Caller caller;

    @Inject
    AttendanceService attendance;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public State state() {
        List<?> rows = em.createNativeQuery("SELECT created_at, last_read_at FROM calendar_feed WHERE username = ?1 AND division = ?2")
                .setParameter(1, caller.subject()).setParameter(2, caller.division()).getResultList();
        if (rows.isEmpty()) {
            return new State(false, null, null);
        }
        Object[] row = (Object[]) rows.get(0);
        return new State(true, instant(row[0]), instant(row[1]));
    }

    /** A new secret for the caller (a member of a duty team), replacing any earlier one. */
    public String renew() {
        attendance.me();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        em.createNativeQuery("""
                INSERT INTO calendar_feed (username, division, token_hash, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (username, division) DO UPDATE SET token_hash = excluded.token_hash,
                    created_at = excluded.created_at, last_read_at = NULL""")
                .setParameter(1, caller.subject()).setParameter(2, caller.division()).setParameter(3, hash(token))
                .setParameter(4, clock.instant()).executeUpdate();
        return token;
    }

    public void revoke() {
        em.createNativeQuery("DELETE FROM calendar_feed WHERE username = ?1 AND division = ?2")
                .setParameter(1, caller.subject()).setParameter(2, caller.division()).executeUpdate();
    }

    /**
     * The shifts of the 60 days ahead for whoever holds {@code token}; 404 for a revoked or unknown
     * one, and for one whose account the gateway has since disabled or moved out of the division.
     */
    public List<Shift> shifts(String token) {
        Optional<Object[]> owner = token == null || !token.matches("[A-Za-z0-9_-]{43}") ? Optional.empty()
                : em.createNativeQuery("""
                        UPDATE calendar_feed f SET last_read_at = ?2 FROM directory_user d
                        WHERE f.token_hash = ?1 AND lower(d.username) = lower(f.username) AND d.active
                          AND d.division = f.division
                        RETURNING f.username, f.division""")
                        .setParameter(1, hash(token)).setParameter(2, clock.instant()).getResultList().stream()
                        .map(r -> (Object[]) r).findFirst();
        if (owner.isEmpty()) {
            throw new ProblemException(404, "calendar-feed-unknown");
        }
        List<UUID> members = attendance.membersOf((String) owner.get()[0], (String) owner.get()[1]);
        return attendance.upcoming(members, 60, 500);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((Timestamp) value).toInstant();
    }
}
