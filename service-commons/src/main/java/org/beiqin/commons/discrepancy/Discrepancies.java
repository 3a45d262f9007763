package org.beiqin.commons.discrepancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.beiqin.commons.outbox.Outbox;
import org.beiqin.contract.CloudEventCodec;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.EventTypes;
import org.beiqin.contract.Topics;

import io.agroal.api.AgroalDataSource;

/**
 * The open/resolved state and the current facts of every discrepancy key this service owns.
 * <p>A rule states its verdict on one subject in one way: when the problem holds, {@link #open}
 * with the finding; when it does not, {@link #resolve} the subject's key with what fixed it (the
 * rule returns early after resolving, so the finding's texts are only built when they are needed).
 * A sweep over a rule's whole population does the same for every subject at once with
 * {@link #reconcile}, which also resolves the keys whose subject is no longer found at all.
 * {@link #open} emits {@code opened} only when the key was not open and {@code updated} only when
 * an open key's facts changed; {@link #resolve} emits {@code resolved} only when it was open. Each
 * decides on the stored row under its lock, so concurrent writers and sweeps never emit an
 * episode or an update twice, and per key the events follow opened → updated* → resolved.
 */
@ApplicationScoped
public class Discrepancies {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Opens the finding's episode, or brings an open one up to date: writes {@code opened} when
     * the key was not open, {@code updated} when it was open with other facts (summary, evidence,
     * severity, label, source), and nothing when it was open with the same facts. Returns whether
     * it was newly opened.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean open(Discrepancy finding) {
        String data = write(finding);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO discrepancy_state
                        (key, rule, division, subject_type, subject_id, is_open, episode, opened_at, data)
                    VALUES (?, ?, ?, ?, ?, true, 1, ?, ?)
                    ON CONFLICT (key) DO NOTHING""")) {
                insert.setString(1, finding.key());
                insert.setString(2, finding.rule());
                insert.setString(3, finding.division());
                insert.setString(4, finding.subject().type());
                insert.setString(5, finding.subject().id());
                insert.setTimestamp(6, Timestamp.from(finding.detectedAt()));
                insert.setString(7, data);
                if (insert.executeUpdate() == 1) {
                    enqueue(EventTypes.DISCREPANCY_OPENED, finding, finding.detectedAt());
                    return true;
                }
            }
            boolean wasOpen;
            Discrepancy stored;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT is_open, data FROM discrepancy_state WHERE key = ? FOR UPDATE")) {
                select.setString(1, finding.key());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    wasOpen = row.getBoolean(1);
                    stored = read(row.getString(2));
                }
            }
            if (!wasOpen) {
                try (PreparedStatement reopen = connection.prepareStatement("""
                        UPDATE discrepancy_state SET is_open = true, episode = episode + 1, opened_at = ?,
                            resolved_at = NULL, data = ? WHERE key = ?""")) {
                    reopen.setTimestamp(1, Timestamp.from(finding.detectedAt()));
                    reopen.setString(2, data);
                    reopen.setString(3, finding.key());
                    reopen.executeUpdate();
                }
                enqueue(EventTypes.DISCREPANCY_OPENED, finding, finding.detectedAt());
                return true;
            }
            if (finding.sameFactsAs(stored)) {
                return false;
            }
            // the episode began when it was first detected; the update says what is true now
            Discrepancy current = finding.detectedSince(stored.detectedAt());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE discrepancy_state SET data = ? WHERE key = ?")) {
                update.setString(1, write(current));
                update.setString(2, finding.key());
                update.executeUpdate();
            }
            enqueue(EventTypes.DISCREPANCY_UPDATED, current, clock.instant());
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("discrepancy state", e);
        }
    }

    private void enqueue(String type, Discrepancy finding, Instant time) {
        outbox.enqueue(Topics.DISCREPANCIES, finding.key(), type, finding.key(), time, EventTypes.DISCREPANCY_SCHEMA,
                finding);
    }

    /** Ends the key's open episode, if any, with what fixed it; returns whether it was open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean resolve(String key, Discrepancy.Text reason, Map<String, Object> evidence) {
        Instant now = clock.instant();
        Discrepancy opened;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE discrepancy_state SET is_open = false, resolved_at = ? WHERE key = ? AND is_open "
                                + "RETURNING data")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, key);
            try (ResultSet row = update.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                opened = read(row.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("discrepancy state", e);
        }
        Discrepancy resolved = opened.resolvedBy(new Discrepancy.Resolution(now, reason, evidence));
        enqueue(EventTypes.DISCREPANCY_RESOLVED, resolved, now);
        return true;
    }

    /**
     * Makes the open keys of {@code rule} about subjects of {@code subjectType}, whose key starts
     * with {@code keyPrefix}, exactly {@code findings}: opens the new ones, resolves those no
     * longer found. For sweeps of time-based rules; the subject type keeps two checks of one rule
     * (a fixed minimum, a per-responder standard) from resolving each other's findings.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(String rule, String keyPrefix, String subjectType, Collection<Discrepancy> findings,
            Discrepancy.Text reason) {
        Set<String> found = new HashSet<>();
        for (Discrepancy finding : findings) {
            found.add(finding.key());
            open(finding);
        }
        for (String key : openKeys(rule, keyPrefix, subjectType)) {
            if (!found.contains(key)) {
                resolve(key, reason, Map.of());
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isOpen(String key) {
        return find(key).map(OpenState::open).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OpenState> find(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT is_open, episode, opened_at, resolved_at, data FROM discrepancy_state WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp resolvedAt = row.getTimestamp(4);
                return Optional.of(new OpenState(row.getBoolean(1), row.getInt(2), row.getTimestamp(3).toInstant(),
                        resolvedAt == null ? null : resolvedAt.toInstant(), read(row.getString(5))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("discrepancy state", e);
        }
    }

    /** The open findings whose division starts with {@code divisionPrefix}, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Discrepancy> openIn(String divisionPrefix) {
        List<Discrepancy> open = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT data FROM discrepancy_state WHERE is_open AND division LIKE ? ORDER BY opened_at DESC")) {
            select.setString(1, divisionPrefix.replace("%", "") + "%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    open.add(read(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("discrepancy state", e);
        }
        return open;
    }

    private List<String> openKeys(String rule, String keyPrefix, String subjectType) {
        List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT key FROM discrepancy_state "
                        + "WHERE is_open AND rule = ? AND starts_with(key, ?) AND subject_type = ?")) {
            select.setString(1, rule);
            select.setString(2, keyPrefix);
            select.setString(3, subjectType);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("discrepancy state", e);
        }
        return keys;
    }

    private static String write(Discrepancy finding) {
        try {
            return CloudEventCodec.MAPPER.writeValueAsString(finding);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Discrepancy read(String data) {
        try {
            return CloudEventCodec.MAPPER.readValue(data, Discrepancy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key's stored state. */
    public record OpenState(boolean open, int episode, Instant openedAt, Instant resolvedAt, Discrepancy finding) {
    }
}
