package org.beiqin.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * While PostgreSQL restarts or fails over, a keeper's submission is answered "the database is not
 * reachable, try again" (503 with Retry-After, which the phone's queue honours) — not "internal
 * error, tell the administrator incident …". A real defect that happens to be an SQLException
 * is still an incident. No server: the failures are those the PostgreSQL driver and Agroal raise.
 */
class DatabaseUnavailableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDatabaseOutOfReachIsA503TheClientRetries() throws Exception {
        Throwable[] outages = {
            // how Idempotency wraps what the driver said when no server was the primary
            new IllegalStateException("idempotency record", new PSQLException(
                    "Could not find a server with specified targetServerType: primary",
                    PSQLState.CONNECTION_UNABLE_TO_CONNECT)),
            new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")),
            new RuntimeException(new SQLException("cannot execute INSERT in a read-only transaction", "25006")),
            new IllegalStateException(new SQLException("Sorry, acquisition timeout!")),
            // the commit cut off: the transaction manager's exception, the driver's error suppressed in it
            commitCutOff(),
        };
        for (Throwable outage : outages) {
            Response response = new ProblemMappers().unexpected(outage, null, null);
            assertThat(response.getStatus()).as(outage.toString()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            JsonNode body = JSON.readTree((String) response.getEntity());
            assertThat(body.path("type").asText()).isEqualTo("urn:beiqin:problem:database-unavailable");
            assertThat(body.path("title").asText()).isEqualTo("数据库暂时无法访问");
            assertThat(body.path("detail").asText()).contains("请稍后重试").contains("不会重复记录");
            assertThat(body.has("incident")).isFalse();
        }
    }

    private static Throwable commitCutOff() {
        RuntimeException rollback = new RuntimeException("Error invoking subclass method",
                new IllegalStateException("ARJUNA016053: Could not commit transaction."));
        rollback.getCause().addSuppressed(new IllegalStateException("Error trying to transactionCommit local transaction",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
        return rollback;
    }

    @Test
    void otherDatabaseFailuresAreStillIncidents() throws Exception {
        for (SQLException defect : new SQLException[] {new SQLException("column \"x\" does not exist", "42703"),
                new SQLException("protocol violation", "08P01")}) {
            Response response = new ProblemMappers().unexpected(new IllegalStateException(defect), null, null);
            assertThat(response.getStatus()).as(defect.getMessage()).isEqualTo(500);
            assertThat(JSON.readTree((String) response.getEntity()).path("incident").asText()).isNotBlank();
        }
    }
}
