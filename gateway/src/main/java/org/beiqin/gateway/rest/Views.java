package org.beiqin.gateway.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.beiqin.gateway.User;
import org.beiqin.gateway.service.SignIn;

/** What the gateway answers; never a password hash. */
public final class Views {

    private Views() {
    }

    public record UserView(UUID id, String username, String displayName, Set<String> roles, String division,
            String phone, boolean active, Instant createdAt, Instant updatedAt, int version, Instant lockedUntil) {
        /** {@code locks}: the locks in force, by lower-cased user name ({@code SignIn.locks}). */
        static UserView from(User user, Map<String, Instant> locks) {
            Instant locked = locks.get(user.username.toLowerCase(Locale.ROOT));
            return new UserView(user.id, user.username, user.displayName, user.roleSet(), user.division, user.phone,
                    user.active, user.createdAt, user.updatedAt, user.version, locked);
        }
    }

    public record SessionView(String accessToken, String tokenType, long expiresIn, Instant accessExpiresAt,
            String refreshToken, Instant refreshExpiresAt, UserView user) {
        static SessionView from(SignIn.Session session, Instant now, Map<String, Instant> locks) {
            return new SessionView(session.accessToken(), "Bearer",
                    Duration.between(now, session.accessExpiresAt()).toSeconds(), session.accessExpiresAt(),
                    session.refreshToken(), session.refreshExpiresAt(), UserView.from(session.user(), locks));
        }
    }

    public record Me(String username, String name, Set<String> roles, String division, Instant expiresAt) {
    }
}
