package org.beiqin.commons.discrepancy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

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
        return openAll(List.of(finding)) == 1;
    }

    /**
     * {@link #open} for many findings with a fixed number of statements, whatever their number (a
     * stocktake's thousands of differences). Each statement takes its rows in key order, so two
     * writers opening overlapping sets do not deadlock on them; a writer that opens keys another
     * resolves at the same time can still wait on it, as one key at a time could. Returns how many
     * were newly opened.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int openAll(Collection<Discrepancy> findings) {
        if (findings.isEmpty()) {
            return 0;
        }
        // one verdict per key: the last one given stands
        Map<String, Discrepancy> byKey = new TreeMap<>();
        findings.forEach(f -> byKey.put(f.key(), f));
        List<Discrepancy> all = List.copyOf(byKey.values());
        List<Outbox.Event> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Set<String> inserted = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO discrepancy_state
                        (key, rule, division, subject_type, subject_id, is_open, episode, opened_at, data)
                    SELECT f.key, f.rule, f.division, f.subject_type, f.subject_id, true, 1, f.opened_at, f.data
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                         WITH ORDINALITY AS f (key, rule, division, subject_type, subject_id, opened_at, data, n)
                    ORDER BY f.n
                    ON CONFLICT (key) DO NOTHING
                    RETURNING key""")) {
                insert.setArray(1, array(connection, "text", all, Discrepancy::key));
                insert.setArray(2, array(connection, "text", all, Discrepancy::rule));
                insert.setArray(3, array(connection, "text", all, Discrepancy::division));
                insert.setArray(4, array(connection, "text", all, f -> f.subject().type()));
                insert.setArray(5, array(connection, "text", all, f -> f.subject().id()));
                insert.setArray(6, array(connection, "timestamptz", all, f -> f.detectedAt().toString()));
                insert.setArray(7, array(connection, "text", all, Discrepancies::write));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
            }
            List<Discrepancy> reopened = new ArrayList<>();
            List<Discrepancy> changed = new ArrayList<>();
            List<Discrepancy> rest = all.stream().filter(f -> !inserted.contains(f.key())).toList();
            if (!rest.isEmpty()) {
                Map<String, OpenState> stored = states(connection, rest.stream().map(Discrepancy::key).toList(), true);
                for (Discrepancy finding : rest) {
                    OpenState state = stored.get(finding.key());
                    if (!state.open()) {
                        reopened.add(finding);
                    } else if (!finding.sameFactsAs(state.finding())) {
                        // the episode began when it was first detected; the update says what is true now
                        changed.add(finding.detectedSince(state.finding().detectedAt()));
                    }
                }
                try (PreparedStatement reopen = connection.prepareStatement("""
                        UPDATE discrepancy_state d SET is_open = true, episode = d.episode + 1, opened_at = u.opened_at,
                            resolved_at = NULL, data = u.data
                        FROM unnest(?::text[], ?::timestamptz[], ?::text[]) AS u (key, opened_at, data)
                        WHERE d.key = u.key""");
                        PreparedStatement update = connection.prepareStatement("""
                        UPDATE discrepancy_state d SET data = u.data
                        FROM unnest(?::text[], ?::text[]) AS u (key, data) WHERE d.key = u.key""")) {
                    if (!reopened.isEmpty()) {
                        reopen.setArray(1, array(connection, "text", reopened, Discrepancy::key));
                        reopen.setArray(2, array(connection, "timestamptz", reopened,
                                f -> f.detectedAt().toString()));
                        reopen.setArray(3, array(connection, "text", reopened, Discrepancies::write));
                        reopen.executeUpdate();
                    }
                    if (!changed.isEmpty()) {
                        update.setArray(1, array(connection, "text", changed, Discrepancy::key));
                        update.setArray(2, array(connection, "text", changed, Discrepancies::write));
                        update.executeUpdate();
                    }
                }
            }
            Instant now = clock.instant();
            for (Discrepancy finding : all) {
                if (inserted.contains(finding.key())) {
                    events.add(event(EventTypes.DISCREPANCY_OPENED, finding, finding.detectedAt()));
                }
            }
            reopened.forEach(f -> events.add(event(EventTypes.DISCREPANCY_OPENED, f, f.detectedAt())));
            changed.forEach(f -> events.add(event(EventTypes.DISCREPANCY_UPDATED, f, now)));
            outbox.enqueueAll(events);
            return inserted.size() + reopened.size();
        } catch (SQLException e) {
            throw new IllegalStateException("discrepancy state", e);
        }
    }

    private static Outbox.Event event(String type, Discrepancy finding, Instant time) {
        return new Outbox.Event(Topics.DISCREPANCIES, finding.key(), type, finding.key(), time,
                EventTypes.DISCREPANCY_SCHEMA, finding);
    }

    /** Ends the key's open episode, if any, with what fixed it; returns whether it was open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean resolve(String key, Discrepancy.Text reason, Map<String, Object> evidence) {
        return resolveAll(List.of(new Resolution(key, reason, evidence))) == 1;
    }

    /** What fixed the finding of one key. */
    public record Resolution(String key, Discrepancy.Text reason, Map<String, Object> evidence) {
    }

    /**
     * {@link #resolve} for many keys with one statement; the open ones among them are resolved in
     * key order. Returns how many were open.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolveAll(Collection<Resolution> resolutions) {
        if (resolutions.isEmpty()) {
            return 0;
        }
        Map<String, Resolution> byKey = new TreeMap<>();
        resolutions.forEach(r -> byKey.put(r.key(), r));
        Instant now = clock.instant();
        List<Outbox.Event> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        WITH target AS (
                            SELECT d.key FROM discrepancy_state d WHERE d.key = ANY(?) AND d.is_open
                            ORDER BY d.key FOR UPDATE)
                        UPDATE discrepancy_state d SET is_open = false, resolved_at = ?
                        FROM target WHERE d.key = target.key
                        RETURNING d.key, d.data""")) {
            update.setArray(1, connection.createArrayOf("text", byKey.keySet().toArray()));
            update.setTimestamp(2, Timestamp.from(now));
            Map<String, Discrepancy> opened = new TreeMap<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    opened.put(rows.getString(1), read(rows.getString(2)));
                }
            }
            opened.forEach((key, finding) -> {
                Resolution r = byKey.get(key);
                events.add(event(EventTypes.DISCREPANCY_RESOLVED,
                        finding.resolvedBy(new Discrepancy.Resolution(now, r.reason(), r.evidence())), now));
            });
            outbox.enqueueAll(events);
            return opened.size();
        } catch (SQLException e) {
            throw new IllegalStateException("discrepancy state", e);
        }
    }

    /**
     * What rules concluded about their subjects: the findings that hold (to open or bring up to
     * date) and the keys whose problem no longer holds (to resolve). Rules that judge one change
     * together (the rules after a stock movement) return theirs, and {@link #apply} writes them all
     * at once instead of each rule writing its own.
     */
    public record Verdicts(List<Discrepancy> found, List<Resolution> resolved) {

        public static Verdicts none() {
            return new Verdicts(List.of(), List.of());
        }

        public Verdicts and(Verdicts other) {
            List<Discrepancy> allFound = new ArrayList<>(found);
            allFound.addAll(other.found);
            List<Resolution> allResolved = new ArrayList<>(resolved);
            allResolved.addAll(other.resolved);
            return new Verdicts(allFound, allResolved);
        }
    }

    /**
     * Writes the verdicts: {@link #openAll} of what was found, then one {@link #resolveAll} of every
     * key to resolve, whichever rule gave it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Verdicts verdicts) {
        openAll(verdicts.found());
        resolveAll(verdicts.resolved());
    }

    private static <T> Array array(Connection connection, String type, List<T> values, Function<T, Object> part)
            throws SQLException {
        return connection.createArrayOf(type, values.stream().map(part).toArray());
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
        openAll(findings);
        Set<String> found = new HashSet<>();
        findings.forEach(f -> found.add(f.key()));
        resolveAll(openKeys(rule, keyPrefix, subjectType).stream().filter(key -> !found.contains(key))
                .map(key -> new Resolution(key, reason, Map.of())).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isOpen(String key) {
        return find(key).map(OpenState::open).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OpenState> find(String key) {
        return Optional.ofNullable(findAll(List.of(key)).get(key));
    }

    /** The stored states of those of {@code keys} that have one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, OpenState> findAll(Collection<String> keys) {
        try (Connection connection = dataSource.getConnection()) {
            return states(connection, keys, false);
        } catch (SQLException e) {
            throw new IllegalStateException("discrepancy state", e);
        }
    }

    private static Map<String, OpenState> states(Connection connection, Collection<String> keys, boolean lock)
            throws SQLException {
        Map<String, OpenState> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key, is_open, episode, opened_at, resolved_at, data FROM discrepancy_state WHERE key = ANY(?)"
                        + (lock ? " ORDER BY key FOR UPDATE" : ""))) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Timestamp resolvedAt = row.getTimestamp(5);
                    states.put(row.getString(1), new OpenState(row.getBoolean(2), row.getInt(3),
                            row.getTimestamp(4).toInstant(), resolvedAt == null ? null : resolvedAt.toInstant(),
                            read(row.getString(6))));
                }
            }
        }
        return states;
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
