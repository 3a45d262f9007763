package org.beiqin.commons.sweep;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * A sweep runs on one replica at a time: the transaction-scoped PostgreSQL advisory lock is taken
 * without waiting, and released by the commit or rollback. A scheduled sweep also claims its
 * period ({@code sweep_run}), so that it runs once per period across the replicas.
 */
@ApplicationScoped
public class SweepLock {

    @Inject
    AgroalDataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryAcquire(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "beiqin.sweep." + name);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sweep lock", e);
        }
    }

    /** Records kept of past periods. */
    static final Duration KEPT = Duration.ofDays(30);

    /** This process, as {@code pid@host}: which replica ran a period. */
    private static final String REPLICA = ManagementFactory.getRuntimeMXBean().getName();

    /**
     * Claims the period of length {@code period} (counted from the epoch, in UTC: right for periods
     * that divide an hour, as the sweeps' do) that {@code now} falls in,
     * for this replica: false when a replica has run it already. The claim is undone with the
     * sweep's transaction, so a sweep that fails leaves its period to the next attempt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String name, Instant now, Duration period) {
        long millis = period.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO sweep_run (name, period_start, replica, started_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")) {
            insert.setString(1, name);
            insert.setObject(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            insert.setString(3, REPLICA);
            insert.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            if (insert.executeUpdate() == 0) {
                return false;
            }
            try (PreparedStatement prune = connection.prepareStatement(
                    "DELETE FROM sweep_run WHERE name = ? AND period_start < ?")) {
                prune.setString(1, name);
                prune.setObject(2, OffsetDateTime.ofInstant(start.minus(KEPT), ZoneOffset.UTC));
                prune.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("sweep period claim", e);
        }
    }
}
