package org.beiqin.commons.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.beiqin.commons.problem.ProblemException;

/**
 * Who is calling, from the verified JWT: subject, display name, roles and the division prefix
 * they may act in. Every service checks the prefix itself on every read and write — the gateway
 * is not the only guard.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public String subject() {
        return token.getSubject();
    }

    /** Display name for ledgers ("who did it"), falling back to the subject. */
    public String name() {
        String name = token.getClaim("name");
        return name == null || name.isBlank() ? subject() : name;
    }

    public String division() {
        String division = token.getClaim("division");
        return division == null ? "" : division;
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** The county emergency office, acting from county level: signs off findings. */
    public boolean isCountyOffice() {
        return hasRole(Roles.COUNTY_OFFICE) && Divisions.isCounty(division());
    }

    /**
     * May approve on the county's behalf (a stocktake's differences, a keeper's adjustment) and
     * undo what was approved: the county office or a county administrator — never a township
     * user, whatever roles its token claims, so nobody approves their own records.
     */
    public boolean isCountyApprover() {
        return Divisions.isCounty(division()) && (hasRole(Roles.COUNTY_OFFICE) || hasRole(Roles.ADMIN));
    }

    public boolean covers(String division) {
        return Divisions.covers(division(), division);
    }

    /** Refuses (403) a write or a listing for a division outside the caller's scope. */
    public void requireCovers(String division) {
        if (!covers(division)) {
            throw new ProblemException(403, "division-forbidden", division, division());
        }
    }

    /**
     * For reads of one record by id: a record outside the caller's scope answers 404 as if it did
     * not exist, so ids of other townships cannot be probed.
     */
    public <T> T visibleOr404(T record, String division, String what, Object id) {
        if (record == null || !covers(division)) {
            throw ProblemException.notFound(what, id);
        }
        return record;
    }
}
