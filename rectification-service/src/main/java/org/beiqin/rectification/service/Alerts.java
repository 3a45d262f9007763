package org.beiqin.rectification.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.rectification.Alert;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.RectificationItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The county office's alerts: the paged list, acknowledgements, and what the live feed reads. */
@ApplicationScoped
public class Alerts {

    /** An alert with the state of its item, as a reader sees it. */
    public record Seen(long id, UUID itemId, String division, String severity, String kind, String titleZh,
            String titleEn, Instant createdAt, Instant acknowledgedAt, String acknowledgedBy, ItemStatus itemStatus) {
    }

    public record Found(List<Seen> alerts, long total) {
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource dataSource;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found list(String division, Set<String> severities, boolean unreadOnly, int page, int size) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        StringBuilder query = new StringBuilder("division like :division");
        Parameters parameters = Parameters.with("division", scope + "%");
        if (severities != null && !severities.isEmpty()) {
            query.append(" and severity in :severities");
            parameters.and("severities", severities);
        }
        if (unreadOnly) {
            query.append(" and acknowledgedAt is null");
        }
        var found = Alert.<Alert>find(query.toString(), Sort.descending("id"), parameters);
        long total = found.count();
        List<Alert> alerts = found.page(Page.of(page, size)).list();
        return new Found(alerts.stream().map(this::seen).toList(), total);
    }

    /** Records who acknowledged the alert; a second acknowledgement keeps the first. */
    @Transactional
    public Seen acknowledge(long id) {
        Alert alert = Alert.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (alert == null || !caller.covers(alert.division)) {
            throw ProblemException.notFound("提醒", id);
        }
        if (alert.acknowledgedAt == null) {
            alert.acknowledgedAt = clock.instant();
            alert.acknowledgedBy = caller.subject();
            alert.acknowledgedByName = caller.name();
        }
        return seen(alert);
    }

    /**
     * Acknowledges several alerts at once, all or none: one outside the caller's scope (or unknown)
     * refuses the whole request, so nobody learns which ids exist elsewhere.
     */
    @Transactional
    public List<Seen> acknowledgeAll(List<Long> ids) {
        return ids.stream().distinct().sorted().map(this::acknowledge).toList();
    }

    private Seen seen(Alert alert) {
        RectificationItem item = RectificationItem.findById(alert.itemId);
        return new Seen(alert.id, alert.itemId, alert.division, alert.severity, alert.kind, alert.titleZh, alert.titleEn,
                alert.createdAt, alert.acknowledgedAt, alert.acknowledgedByName, item == null ? null : item.status);
    }

    /**
     * Alerts after {@code id} within {@code scope}, oldest first, for the live feed. Plain JDBC: it
     * runs on the feed's worker threads, outside any request.
     */
    public List<Seen> after(long id, String scope, Set<String> severities, int limit) {
        List<Seen> alerts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT a.id, a.item_id, a.division, a.severity, a.kind, a.title_zh, a.title_en, a.created_at,
                               a.acknowledged_at, a.acknowledged_by_name, i.status
                        FROM alert a JOIN rectification_item i ON i.id = a.item_id
                        WHERE a.id > ? AND a.division LIKE ? AND (cardinality(?::text[]) = 0 OR a.severity = ANY (?::text[]))
                        ORDER BY a.id LIMIT ?""")) {
            String[] wanted = severities == null ? new String[0] : severities.toArray(String[]::new);
            query.setLong(1, id);
            query.setString(2, scope + "%");
            query.setArray(3, connection.createArrayOf("text", wanted));
            query.setArray(4, connection.createArrayOf("text", wanted));
            query.setInt(5, limit);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    alerts.add(new Seen(r.getLong(1), r.getObject(2, UUID.class), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getTimestamp(8).toInstant(),
                            r.getTimestamp(9) == null ? null : r.getTimestamp(9).toInstant(), r.getString(10),
                            ItemStatus.valueOf(r.getString(11))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alerts", e);
        }
        return alerts;
    }

    /** The newest alert's id (0 when there is none): a new feed starts after it. */
    public long latestId() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM alert");
                ResultSet r = query.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alerts", e);
        }
    }
}
