package org.beiqin.gateway.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.beiqin.commons.problem.ProblemException;

import io.quarkus.elytron.security.common.BcryptUtil;

/** How passwords are checked before they are accepted, and hashed (bcrypt). */
public final class Passwords {

    /** bcrypt cost: 2^10 rounds, about 70 ms on this project's 2-core machines. */
    static final int COST = 10;
    static final int MIN_LENGTH = 10;
    /** bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
    static final int MAX_BYTES = 72;

    private Passwords() {
    }

    /** Compared against when a name is unknown, so that answer takes as long as a wrong password. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), COST);

    /** Whether the password matches the hash; with no hash (no such user) it does the same work and says no. */
    static boolean matches(String password, String hash) {
        boolean matches = BcryptUtil.matches(password, hash == null ? DECOY_HASH : hash);
        return hash != null && matches;
    }

    public static String hash(String password, String field, String username) {
        check(password, field, username);
        return BcryptUtil.bcryptHash(password, COST);
    }

    static void check(String password, String field, String username) {
        String key = null;
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            key = "password.too-short";
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            key = "password.too-long";
        } else if (password.chars().allMatch(Character::isDigit) || password.chars().distinct().count() < 4) {
            key = "password.too-simple";
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            key = "password.contains-username";
        }
        if (key != null) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError(field, key, MIN_LENGTH, MAX_BYTES)));
        }
    }
}
