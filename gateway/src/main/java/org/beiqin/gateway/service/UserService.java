package org.beiqin.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.beiqin.commons.outbox.Outbox;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.contract.UserChanged;
import org.beiqin.gateway.User;
import org.beiqin.gateway.config.GatewayConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * User management by an administrator, within the administrator's own division: a county's
 * admin manages the county's and its townships' users, and nobody else's.
 */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    @Inject
    Caller caller;

    @Inject
    SignIn signIn;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** The first administrator, so that a new installation can be signed into at all. */
    @Transactional
    void bootstrap(@Observes StartupEvent event) {
        GatewayConfig.Bootstrap b = config.bootstrapAdmin();
        if (b.username().isEmpty() || User.count() > 0) {
            return;
        }
        String username = b.username().get();
        String password = b.password().orElseThrow(() -> new IllegalStateException(
                "a first administrator is named (beiqin.gateway.bootstrap-admin.username) without a password"));
        String hash;
        try {
            hash = Passwords.hash(password, "password", username);
        } catch (ProblemException weak) {
            throw new IllegalStateException("the first administrator's password (beiqin.gateway.bootstrap-admin.password)"
                    + " is refused: " + weak.errors().get(0).messageKey());
        }
        User user = newUser(username, b.displayName(), hash, new String[] {Roles.ADMIN}, b.division(), null);
        user.persist();
        publish(user);
        LOG.infof("created the first administrator '%s' for division %s", username, b.division());
    }

    /**
     * Accounts that were never announced on {@code identity.users} (made before the gateway
     * published them) are announced once at start, so that the services' directories are complete.
     */
    @Transactional
    void announceUnannounced(@Observes StartupEvent event) {
        @SuppressWarnings("unchecked")
        List<String> missing = User.getEntityManager().createNativeQuery("""
                SELECT u.username FROM app_user u WHERE NOT EXISTS (
                    SELECT 1 FROM outbox_event o WHERE o.topic = ?1 AND o.record_key = u.username)""")
                .setParameter(1, Topics.IDENTITY_USERS).getResultList();
        for (String username : missing) {
            User.byUsername(username).ifPresent(this::publish);
        }
        if (!missing.isEmpty()) {
            LOG.infof("announced %d account(s) on %s", missing.size(), Topics.IDENTITY_USERS);
        }
    }

    public List<User> list(String division) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        return User.list("division like ?1 order by division, lower(username)", scope + "%");
    }

    public User get(UUID id) {
        User user = User.findById(id);
        if (user == null || !caller.covers(user.division)) {
            throw new ProblemException(404, "user-not-found", id);
        }
        return user;
    }

    @Transactional
    public User create(Commands.NewUser command) {
        caller.requireCovers(command.division());
        // everything about the request is judged before the name is looked up: a request that
        // could never succeed answers the same whether or not someone, anywhere, has the name
        requireRolesFit(command.roles(), command.division(), "roles");
        String hash = Passwords.hash(command.password(), "password", command.username());
        if (User.byUsername(command.username()).isPresent()) {
            throw new ProblemException(409, "username-taken", command.username());
        }
        User user = newUser(command.username(), command.displayName(), hash,
                command.roles().stream().sorted().toArray(String[]::new), command.division(), command.phone());
        user.persist();
        publish(user);
        return user;
    }

    @Transactional
    public User change(UUID id, Commands.UserChange change) {
        User user = get(id);
        ProblemException.requireVersion(change.version(), user.version);
        String division = change.division() != null ? change.division() : user.division;
        if (change.division() != null) {
            caller.requireCovers(change.division());
        }
        requireRolesFit(change.roles() != null ? change.roles() : user.roleSet(), division,
                change.roles() != null ? "roles" : "division");
        boolean signOut = false;
        if (change.displayName() != null) {
            user.displayName = change.displayName();
        }
        if (change.phone() != null) {
            user.phone = change.phone().isBlank() ? null : change.phone();
        }
        if (change.division() != null && !change.division().equals(user.division)) {
            caller.requireCovers(change.division());
            user.division = change.division();
            signOut = true;
        }
        if (change.roles() != null) {
            String[] roles = change.roles().stream().sorted().toArray(String[]::new);
            signOut |= !Arrays.equals(roles, user.roles);
            user.roles = roles;
        }
        if (change.active() != null && change.active() != user.active) {
            if (!change.active() && user.username.equalsIgnoreCase(caller.subject())) {
                throw new ProblemException(409, "cannot-disable-self");
            }
            user.active = change.active();
            signOut |= !user.active;
        }
        user.updatedAt = clock.instant();
        publish(user);
        if (signOut) {
            // tokens already out carry the old roles or division until they expire (15 min); no refresh renews them
            signIn.revokeAll(user.id);
        }
        return user;
    }

    @Transactional
    public void resetPassword(UUID id, String password) {
        User user = get(id);
        user.passwordHash = Passwords.hash(password, "password", user.username);
        user.updatedAt = clock.instant();
        signIn.revokeAll(user.id);
        signIn.unlock(user.username);
    }

    @Transactional
    public void unlock(UUID id) {
        signIn.unlock(get(id).username);
    }

    /** The signed-in user, changing their own password. */
    @Transactional
    public void changeOwnPassword(String current, String replacement) {
        User user = User.byUsername(caller.subject())
                .orElseThrow(() -> new ProblemException(404, "user-not-found", caller.subject()));
        if (!Passwords.matches(current, user.passwordHash)) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("currentPassword", "password.wrong")));
        }
        user.passwordHash = Passwords.hash(replacement, "newPassword", user.username);
        user.updatedAt = clock.instant();
        signIn.revokeAll(user.id);
    }

    /**
     * Tells the services what the account now is ({@code identity.users}, through the outbox in
     * this transaction): the duty roster binds members only to accounts it has heard of.
     */
    private void publish(User user) {
        Instant at = user.updatedAt == null ? clock.instant() : user.updatedAt;
        outbox.enqueue(Topics.IDENTITY_USERS, user.username, EventTypes.USER_CHANGED, user.username, at,
                EventTypes.USER_CHANGED_SCHEMA, new UserChanged(user.username, user.displayName, user.division,
                        List.copyOf(user.roleSet()), user.active, at));
    }

    /** The county office's role only at county level: a township holding it could sign off its own findings. */
    private static void requireRolesFit(Collection<String> roles, String division, String field) {
        for (String role : roles) {
            if (!Roles.fitsLevel(role, division)) {
                throw ProblemException.invalid(List.of(new ProblemException.FieldError(field, "role.level", role)));
            }
        }
    }

    private User newUser(String username, String displayName, String hash, String[] roles, String division,
            String phone) {
        Instant now = clock.instant();
        User user = new User();
        user.id = UUID.randomUUID();
        user.username = username.toLowerCase(Locale.ROOT);
        user.displayName = displayName;
        user.passwordHash = hash;
        user.roles = roles;
        user.division = division;
        user.phone = phone;
        user.active = true;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }
}
