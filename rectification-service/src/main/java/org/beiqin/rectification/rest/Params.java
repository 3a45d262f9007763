package org.beiqin.rectification.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.Severity;

/**
 * Query parameters read by hand: JAX-RS answers a query parameter it cannot convert with a bare
 * 404, where the caller should learn which parameter is wrong (422, the field named).
 */
final class Params {

    private final List<ProblemException.FieldError> errors = new ArrayList<>();

    /** A division prefix and a period, as the reports take them; null parts mean the defaults. */
    record Scope(String division, LocalDate from, LocalDate to) {
    }

    /** Reads division, from and to, or throws the 422 naming each that is wrong. */
    static Scope scope(String division, String from, String to) {
        Params p = new Params();
        Scope scope = new Scope(p.division("division", division), p.date("from", from), p.date("to", to));
        p.check();
        return scope;
    }

    LocalDate date(String name, String value) {
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

    String division(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Divisions.isValid(value.strip())) {
            errors.add(new ProblemException.FieldError(name, "constraint.Pattern"));
            return null;
        }
        return value.strip();
    }

    <E> List<E> list(String name, List<String> values, Function<String, E> parse) {
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

    Set<String> severities(String name, List<String> values) {
        return new LinkedHashSet<>(list(name, values, v -> Severity.fromWire(v).wire()));
    }

    int range(String name, int value, int min, int max) {
        if (value < min) {
            errors.add(new ProblemException.FieldError(name, "constraint.Min", min));
        } else if (value > max) {
            errors.add(new ProblemException.FieldError(name, "constraint.Max", max));
        }
        return value;
    }

    /** Throws the 422 naming every wrong parameter, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
