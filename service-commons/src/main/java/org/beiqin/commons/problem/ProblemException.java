package org.beiqin.commons.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, written as RFC 9457 problem+json by {@link ProblemMappers}.
 * {@code type} is a stable slug (the document's {@code type} is {@code urn:beiqin:problem:<slug>});
 * title and detail come from the message bundles under the keys {@code <slug>.title} and
 * {@code <slug>.detail}, formatted with {@code args}, in the caller's language.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final Object[] args;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, Object... args) {
        this(status, type, List.of(), Map.of(), args);
    }

    public ProblemException(int status, String type, List<FieldError> errors, Map<String, Object> extensions,
            Object... args) {
        super(type);
        this.status = status;
        this.type = type;
        this.args = args;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", Words.noun(what), id);
    }

    public static ProblemException conflict(String type, Object... args) {
        return new ProblemException(409, type, args);
    }

    public static ProblemException unprocessable(String type, Object... args) {
        return new ProblemException(422, type, args);
    }

    /**
     * Optimistic concurrency: a change based on version {@code sent} of a record now at
     * {@code current} is refused (409 {@code stale-version}, with {@code currentVersion}), never
     * merged over someone else's change.
     */
    public static void requireVersion(int sent, int current) {
        if (sent != current) {
            throw new ProblemException(409, "stale-version", List.of(), Map.of("currentVersion", current), sent, current);
        }
    }

    /** Field validation failures: the fields named, each with its own message key and arguments. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, "validation", errors, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** One failing field: {@code messageKey} is looked up in the bundles, or used as it is. */
    public record FieldError(String field, String messageKey, Object... args) {
    }
}
