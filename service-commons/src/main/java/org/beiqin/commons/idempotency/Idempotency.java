package org.beiqin.commons.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code Idempotency-Key} for creating POSTs (ARCHITECTURE.md): a repeat with the same key and
 * body returns the first response and creates nothing; the same key with another body is refused
 * (422). The key is claimed, the work done and the response stored in one transaction, so a
 * failed attempt leaves the key free and a concurrent duplicate waits for the first to finish.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("^[\\x21-\\x7e]{1,200}$");

    /**
     * Canonical JSON for hashing: sorted properties, so field order does not change the hash; a
     * field marked {@link Unhashed} (a password) is left out.
     */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public boolean hasIgnoreMarker(AnnotatedMember member) {
                    return member.hasAnnotation(Unhashed.class) || super.hasIgnoreMarker(member);
                }
            })
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "beiqin.idempotency.retention", defaultValue = "P90D")
    Duration retention;

    /**
     * Runs {@code create} once per (caller, key), the caller being subject, division and roles. {@code create} returns the response to give —
     * its entity is stored as JSON and replayed as it was.
     */
    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ProblemException(400, "idempotency-key-invalid");
        }
        String hash = hash(operation, request);
        try (Connection connection = dataSource.getConnection()) {
            if (claim(connection, key, operation, hash)) {
                Response response = create.get();
                String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
                String location = response.getLocation() == null ? null : response.getLocation().toString();
                try (PreparedStatement store = connection.prepareStatement(
                        "UPDATE idempotency_record SET status = ?, response_body = ?, location = ? "
                                + "WHERE caller = ? AND key = ?")) {
                    store.setInt(1, response.getStatus());
                    store.setString(2, body);
                    store.setString(3, location);
                    store.setString(4, callerKey());
                    store.setString(5, key);
                    store.executeUpdate();
                }
                return response;
            }
            if (legacy(connection, key)) {
                return replay(connection, caller.subject(), key, operation, hash);
            }
            return replay(connection, callerKey(), key, operation, hash);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency record", e);
        }
    }

    /**
     * Whose keys these are: the subject together with the division and roles the token grants. A
     * replay answers only the very identity the first request was authorized for; the same
     * subject signed in with another division or role is a different caller, whose request is
     * authorized and executed on its own.
     */
    private String callerKey() {
        return caller.division() + "/" + caller.subject() + "/" + String.join(",", new TreeSet<>(caller.roles()));
    }

    /**
     * True when this request is the first with the key, neither used by this caller nor by its
     * subject under the {@link #legacy} form; waits while another holds it uncommitted. One
     * statement: the legacy form is only looked at again when the key was not claimed.
     */
    private boolean claim(Connection connection, String key, String operation, String hash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO idempotency_record (caller, key, operation, request_hash, created_at) "
                        + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM idempotency_record WHERE caller = ? AND key = ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, callerKey());
            insert.setString(2, key);
            insert.setString(3, operation);
            insert.setString(4, hash);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.setString(6, caller.subject());
            insert.setString(7, key);
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Whether the key was used by this subject before records carried division and roles (the
     * caller column then held the subject alone). Such a record is still replayed, to the same
     * subject only, until it expires with the retention: a phone that queued entries before the
     * upgrade must not post them twice.
     */
    private boolean legacy(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM idempotency_record WHERE caller = ? AND key = ?")) {
            select.setString(1, caller.subject());
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private Response replay(Connection connection, String owner, String key, String operation, String hash)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT operation, request_hash, status, response_body, location FROM idempotency_record "
                        + "WHERE caller = ? AND key = ?")) {
            select.setString(1, owner);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !operation.equals(row.getString(1)) || !hash.equals(row.getString(2))) {
                    throw new ProblemException(422, "idempotency-key-reused", key);
                }
                Response.ResponseBuilder response = Response.status(row.getInt(3)).header(REPLAYED_HEADER, "true");
                String body = row.getString(4);
                if (body != null) {
                    response.entity(body).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
                }
                if (row.getString(5) != null) {
                    response.header("Location", row.getString(5));
                }
                return response.build();
            }
        }
    }

    /**
     * Forgets keys older than {@code beiqin.idempotency.retention} (90 days by default): long
     * enough for a phone that was offline through a flood season to resend safely, short enough
     * that the table does not grow without end. Returns how many were deleted.
     */
    @Transactional
    public int forgetOlderThan(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM idempotency_record WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency cleanup", e);
        }
    }

    @io.quarkus.scheduler.Scheduled(every = "${beiqin.idempotency.cleanup-every:6h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        forgetOlderThan(clock.instant().minus(retention));
    }

    static String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(CANONICAL.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
