package org.beiqin.duty.rest;

import java.util.List;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Divisions;

/** Query parameters read by hand, so that a wrong one is a 422 naming it rather than JAX-RS' bare 404. */
final class Params {

    private Params() {
    }

    static String division(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Divisions.isValid(value.strip())) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("division", "constraint.Pattern")));
        }
        return value.strip();
    }
}
