package org.beiqin.commons.security;

import java.util.Set;

/** The roles of ARCHITECTURE.md, as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String KEEPER = "keeper";
    public static final String DUTY_OFFICER = "duty_officer";
    public static final String COUNTY_OFFICE = "county_office";
    public static final String ADMIN = "admin";

    /** Roles that act for a whole county (approve, sign off): held only at county level. */
    public static final Set<String> COUNTY_LEVEL = Set.of(COUNTY_OFFICE);

    private Roles() {
    }

    /**
     * Whether a user of {@code division} may hold {@code role}: the county office's role belongs to
     * a county (6-digit code); a township or village user holding it could sign off its own
     * findings.
     */
    public static boolean fitsLevel(String role, String division) {
        return !COUNTY_LEVEL.contains(role) || Divisions.isCounty(division);
    }
}
