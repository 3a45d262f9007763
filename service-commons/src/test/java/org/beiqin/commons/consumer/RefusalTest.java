package org.beiqin.commons.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * Which failures of a consumed record are the data's fault (kept in quarantine, the records behind
 * it go on) and which are the database's or the network's (the consumer stops and reads again
 * from the last committed offset): SQL state classes 22 and 23 only, found anywhere in the cause chain.
 */
class RefusalTest {

    @Test
    void theDatabaseRefusingTheDataIsARefusalWhereverItIsInTheChain() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        RuntimeException wrapped = new IllegalStateException("apply", new RuntimeException("flush", unique));

        assertThat(EventLoop.refusedByDatabase(wrapped)).contains("23505").contains("duplicate key");
        assertThat(EventLoop.refusedByDatabase(new SQLException("value too long", "22001"))).contains("22001");
    }

    @Test
    void aLostConnectionOrAnyOtherFailureIsNotTheDatasFault() {
        assertThat(EventLoop.refusedByDatabase(new RuntimeException(new SQLException("connection refused", "08006"))))
                .isNull();
        assertThat(EventLoop.refusedByDatabase(new SQLException("deadlock detected", "40P01"))).isNull();
        assertThat(EventLoop.refusedByDatabase(new SQLException("no state"))).isNull();
        assertThat(EventLoop.refusedByDatabase(new IllegalStateException("broker"))).isNull();
    }
}
