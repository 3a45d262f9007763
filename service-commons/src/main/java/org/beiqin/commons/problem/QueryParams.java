package org.beiqin.commons.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.Severity;

/**
 * Query parameters read by hand: JAX-RS answers a query parameter it cannot convert with a bare
 * 404, where the caller should learn which parameter is wrong (422, the field named). Collect with
 * the instance methods, then {@link #check()} throws one problem naming every wrong parameter.
 */
public final class QueryParams {

    private final List<ProblemException.FieldError> errors = new ArrayList<>();

    /** A division prefix and a period, as the reports take them; null parts mean the defaults. */
    public record Scope(String division, LocalDate from, LocalDate to) {
    }

    /** Reads division, from and to, or throws the 422 naming each that is wrong (a {@code to} before {@code from} too). */
    public static Scope scope(String division, String from, String to) {
        QueryParams p = new QueryParams();
        Scope scope = new Scope(p.division("division", division), p.date("from", from), p.date("to", to));
        if (scope.from() != null && scope.to() != null && scope.to().isBefore(scope.from())) {
            p.errors.add(new ProblemException.FieldError("to", "range-inverted"));
        }
        p.check();
        return scope;
    }

    public LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new ProblemException.FieldError(name, "constraint.Pattern"));
            return null;
        }
    }

    public String division(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Divisions.isValid(value.strip())) {
            errors.add(new ProblemException.FieldError(name, "constraint.Pattern"));
            return null;
        }
        return value.strip();
    }

    public <E> List<E> list(String name, List<String> values, Function<String, E> parse) {
        List<E> parsed = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(parse.apply(part.strip()));
                } catch (IllegalArgumentException e) {
                    errors.add(new ProblemException.FieldError(name, "constraint.Pattern"));
                }
            }
        }
        return parsed;
    }

    public Set<String> severities(String name, List<String> values) {
        return new LinkedHashSet<>(list(name, values, v -> Severity.fromWire(v).wire()));
    }

    public int range(String name, int value, int min, int max) {
        if (value < min) {
            errors.add(new ProblemException.FieldError(name, "constraint.Min", min));
        } else if (value > max) {
            errors.add(new ProblemException.FieldError(name, "constraint.Max", max));
        }
        return value;
    }

    /** A parameter that is present but not one of the values it takes (blank, or several where one is meant). */
    public void reject(String name) {
        errors.add(new ProblemException.FieldError(name, "constraint.Pattern"));
    }

    /** Throws the 422 naming every wrong parameter, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** One division prefix on its own, or null when absent; a malformed one is a 422 at once. */
    public static String division(String value) {
        QueryParams p = new QueryParams();
        String division = p.division("division", value);
        p.check();
        return division;
    }
}
