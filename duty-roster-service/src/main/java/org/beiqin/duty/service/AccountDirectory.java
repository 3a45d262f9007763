package org.beiqin.duty.service;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.beiqin.commons.consumer.EventLoop;
import org.beiqin.commons.consumer.TopicConsumer;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Divisions;
import org.beiqin.commons.security.Roles;
import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;
import org.beiqin.contract.UserChanged;
import org.beiqin.duty.config.DutyConfig;

import io.cloudevents.CloudEvent;

/**
 * The sign-in accounts of {@code identity.users}, kept in this service's {@code directory_user}:
 * a member's login is chosen from here (an account that exists, is active, holds the duty
 * officer's role and sits in the team's area), never typed. The consumer runs on the shared
 * {@link EventLoop}: each event applied once, an older state than the one kept ignored, records
 * that are not account events kept in quarantine.
 */
@ApplicationScoped
public class AccountDirectory extends TopicConsumer {

    /** One account as the roster sees it. */
    public record Account(String username, String displayName, String division, List<String> roles, boolean active) {
        public boolean officer() {
            return roles.contains(Roles.DUTY_OFFICER);
        }
    }

    @Inject
    DutyConfig config;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Override
    protected Subscription subscription() {
        return new Subscription("duty-roster-service.identity-users", Topics.IDENTITY_USERS, config.accounts().consume());
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) {
        CloudEvent event = event(record, "an account event", EventTypes.USER_CHANGED);
        UserChanged user = CloudEventCodec.data(event, UserChanged.class);
        if (user.username() == null || user.username().isBlank() || !Divisions.isValid(user.division())
                || user.changedAt() == null || user.roles() == null) {
            throw new EventLoop.Rejected("account event " + event.getId()
                    + " lacks a user name, a valid division, roles or changedAt");
        }
        if (!consumed.firstDelivery(event.getId(), record.topic())) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO directory_user (username, display_name, division, roles, active, changed_at)
                VALUES (?1, ?2, ?3, cast(?4 AS text[]), ?5, ?6)
                ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name,
                    division = EXCLUDED.division, roles = EXCLUDED.roles, active = EXCLUDED.active,
                    changed_at = EXCLUDED.changed_at
                WHERE directory_user.changed_at <= EXCLUDED.changed_at""")
                .setParameter(1, user.username().toLowerCase(Locale.ROOT))
                .setParameter(2, user.displayName() == null ? user.username() : user.displayName())
                .setParameter(3, user.division())
                .setParameter(4, "{" + String.join(",", user.roles().stream().map(AccountDirectory::arrayElement).toList()) + "}")
                .setParameter(5, user.active()).setParameter(6, user.changedAt()).executeUpdate();
    }

    private static String arrayElement(String role) {
        return "\"" + role.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> find(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT username, display_name, division, roles, active FROM directory_user WHERE username = ?1""")
                .setParameter(1, username.toLowerCase(Locale.ROOT)).getResultList();
        return rows.stream().findFirst().map(AccountDirectory::account);
    }

    /**
     * The accounts a member of a team in {@code division} may be bound to: active duty officers in
     * that area, whose name or user name contains {@code q}. What the console's picker lists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> officers(String division, String q, int limit) {
        caller.requireCovers(division);
        String like = "%" + (q == null ? "" : q.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT username, display_name, division, roles, active FROM directory_user
                WHERE active AND starts_with(division, ?1) AND ?2 = ANY (roles)
                  AND (username LIKE ?3 OR lower(display_name) LIKE ?3)
                ORDER BY division, display_name, username LIMIT ?4""")
                .setParameter(1, division).setParameter(2, Roles.DUTY_OFFICER).setParameter(3, like)
                .setParameter(4, limit).getResultList();
        return rows.stream().map(AccountDirectory::account).toList();
    }

    /**
     * The account a member of a team in {@code teamDivision} is bound to, checked: it must be known,
     * active, a duty officer, and within the team's area. Refused as a field error otherwise — the
     * same answer whichever of those fails.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String bindable(String username, String teamDivision) {
        if (username == null || username.isBlank()) {
            return null;
        }
        Account account = find(username.strip()).orElse(null);
        if (account == null || !account.active() || !account.officer()
                || !Divisions.covers(teamDivision, account.division())) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("account", "member.account-unknown",
                    username.strip())));
        }
        return account.username();
    }

    private static Account account(Object[] row) {
        Object roles = row[3];
        List<String> list;
        try {
            list = roles instanceof Array array ? Arrays.asList((String[]) array.getArray())
                    : roles instanceof String[] strings ? Arrays.asList(strings) : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Account((String) row[0], (String) row[1], (String) row[2], list, (Boolean) row[4]);
    }
}
