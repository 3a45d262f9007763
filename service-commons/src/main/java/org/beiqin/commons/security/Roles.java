package org.beiqin.commons.security;

/** The roles of ARCHITECTURE.md, as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String KEEPER = "keeper";
    public static final String DUTY_OFFICER = "duty_officer";
    public static final String COUNTY_OFFICE = "county_office";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
