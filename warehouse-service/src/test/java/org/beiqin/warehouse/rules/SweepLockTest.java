package org.beiqin.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Only one replica sweeps at a time: while another holds the sweep lock, this one steps aside. */
@QuarkusTest
class SweepLockTest extends RuleTestBase {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WarehouseSweep sweep;

    @Test
    void aSweepStepsAsideWhileAnotherReplicaHoldsTheLock() throws Exception {
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement(
                    "SELECT pg_try_advisory_xact_lock(hashtext('beiqin.sweep.warehouse'))");
                    ResultSet taken = lock.executeQuery()) {
                taken.next();
                assertThat(taken.getBoolean(1)).isTrue();
            }
            assertThat(sweep.sweep()).as("the lock is held elsewhere").isFalse();
            otherReplica.rollback();
        }
        assertThat(sweep.sweep()).as("the lock is free again").isTrue();
    }
}
