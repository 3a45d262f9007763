package org.beiqin.commons.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.beiqin.commons.json.JsonCustomizer;
import org.beiqin.commons.json.NoControlCharacters;
import org.beiqin.commons.security.TokenClaimsAugmentor;
import org.beiqin.contract.CloudEventCodec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves a service as {@code application/problem+json} (RFC 9457) in the caller's
 * language, with a stable {@code type}; nothing leaks a Java class name or a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final ObjectMapper JSON = CloudEventCodec.MAPPER.copy()
            .registerModule(JsonCustomizer.DECIMALS);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        List<Problem.InvalidField> fields = e.errors().stream()
                .map(f -> new Problem.InvalidField(f.field(), Messages.get(locale, f.messageKey(), Words.in(locale, f.args()))))
                .toList();
        return respond(locale, e.status(), e.type(), e.args(), uri, fields, e.extensions());
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        List<Problem.InvalidField> fields = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            fields.add(new Problem.InvalidField(fieldName(violation.getPropertyPath()),
                    localisedViolation(violation, locale)));
        }
        fields.sort(Comparator.comparing(Problem.InvalidField::field));
        // one status per type: a body that was read but whose fields break a rule is a 422, whether
        // bean validation or a service found it (ProblemException.invalid); an unreadable one is a 400
        return respond(locale, 422, "validation", new Object[0], uri, fields, Map.of());
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String unknown = e instanceof UnrecognizedPropertyException u ? u.getPropertyName() : unknownField(e);
        if (unknown != null && !field.endsWith(unknown)) {
            // records and Quarkus' generated deserializers report an unknown property outside the path
            field = field.isEmpty() ? unknown : field + "." + unknown;
        }
        String key = unknown != null ? "json.unknown-field"
                : e instanceof NoControlCharacters.ControlCharacterException
                        ? "json.control-character"
                : e instanceof InvalidFormatException || e instanceof MismatchedInputException ? "json.wrong-type"
                        : "json.malformed";
        List<Problem.InvalidField> fields = field.isEmpty() ? List.of()
                : List.of(new Problem.InvalidField(field, Messages.get(locale, key)));
        return respond(locale, 400, "malformed-body", new Object[0], uri, fields, Map.of());
    }

    // Quarkus registers its own mappers for these exact types; ours must be as specific to win.
    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparseable(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return respond(Messages.locale(headers), 401, "unauthorized", new Object[0], uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        Object type = e.getAttribute(TokenClaimsAugmentor.PROBLEM);
        return respond(Messages.locale(headers), 401, type == null ? "unauthorized" : type.toString(), new Object[0], uri,
                List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(Messages.locale(headers), 403, "forbidden", new Object[0], uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException unreadable) {
                return unreadable(unreadable, headers, uri);
            }
        }
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        Locale locale = Messages.locale(headers);
        String type = Messages.find(locale, "http-" + status + ".title") != null ? "http-" + status : "http-error";
        return respond(locale, status, type, new Object[] {status}, uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        SQLException unreachable = databaseUnreachable(e);
        if (unreachable != null) {
            // not a defect: the database is restarting or failing over; the client tries again
            LOG.warnf("database unreachable on %s: %s", uri == null ? "?" : uri.getPath(), unreachable.getMessage());
            return Response.fromResponse(respond(Messages.locale(headers), 503, "database-unavailable", new Object[0],
                    uri, List.of(), Map.of())).header("Retry-After", "5").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s, on %s", incident, uri == null ? "?" : uri.getPath());
        return respond(Messages.locale(headers), 500, "internal", new Object[] {incident}, uri, List.of(),
                Map.of("incident", incident));
    }

    /**
     * SQLSTATEs of a database that cannot be reached right now: a lost or refused connection (class
     * 08), the server shutting down or starting (57P01–57P03), no connection slot (53300), and a
     * standby refusing a write (25006) while the pool still holds a connection from before a promotion.
     */
    private static final Set<String> UNREACHABLE = Set.of("57P01", "57P02", "57P03", "53300", "25006");

    /**
     * The cause of {@code e} that says the database is out of reach, or null. Suppressed exceptions
     * count too: a commit cut off by the server's end reaches us as the transaction manager's
     * RollbackException with the driver's I/O error suppressed in it — saved or not, nobody knows,
     * and the caller's resend with the same key settles it.
     */
    static SQLException databaseUnreachable(Throwable e) {
        return databaseUnreachable(e, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static SQLException databaseUnreachable(Throwable e, Set<Throwable> seen) {
        if (e == null || !seen.add(e)) {
            return null;
        }
        if (e instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08P01 (protocol violation) is a defect, not an outage
            if (state != null && (state.startsWith("08") && !"08P01".equals(state) || UNREACHABLE.contains(state))) {
                return sql;
            }
            // the pool gave up waiting for a connection (Agroal sets no SQLSTATE)
            if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                return sql;
            }
        }
        for (Throwable suppressed : e.getSuppressed()) {
            SQLException found = databaseUnreachable(suppressed, seen);
            if (found != null) {
                return found;
            }
        }
        return databaseUnreachable(e.getCause(), seen);
    }

    static Response respond(Locale locale, int status, String type, Object[] args, UriInfo uri,
            List<Problem.InvalidField> fields, Map<String, Object> extensions) {
        Object[] words = Words.in(locale, args);
        Problem body = new Problem(Problem.TYPE_PREFIX + type,
                Messages.get(locale, type + ".title", words),
                status,
                Messages.find(locale, type + ".detail", words),
                uri == null ? null : uri.getPath(),
                fields,
                extensions);
        try {
            return Response.status(status)
                    .type(Problem.MEDIA_TYPE + ";charset=UTF-8")
                    .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                    .entity(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String localisedViolation(ConstraintViolation<?> violation, Locale locale) {
        // Hibernate Validator's own messages come in the JVM's locale; ours are keyed by constraint name.
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String ours = Messages.find(locale, "constraint." + constraint, attributes.get("value"),
                attributes.get("min"), attributes.get("max"), attributes.get("regexp"));
        return ours != null ? ours : violation.getMessage();
    }

    /** {@code receive.request.quantity} → {@code quantity}: the caller knows its body, not our method. */
    static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                continue;
            }
            // Hibernate Validator puts a list element's index on the node after the list
            // (a body that is itself a list gets "[3].name")
            Object at = node.isInIterable() ? (node.getIndex() != null ? node.getIndex() : node.getKey()) : null;
            if (at != null && names.isEmpty()) {
                names.add("[" + at + "]");
            } else if (at != null) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + at + "]");
            }
            String name = node.getName();
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && name != null && !name.isEmpty()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static final Pattern UNRECOGNIZED = Pattern
            .compile("^Unrecognized field \"([^\"]+)\"");

    private static String unknownField(JsonProcessingException e) {
        Matcher matcher = UNRECOGNIZED.matcher(String.valueOf(e.getOriginalMessage()));
        return matcher.find() ? matcher.group(1) : null;
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
