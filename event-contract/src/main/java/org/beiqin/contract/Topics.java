package org.beiqin.contract;

/** Kafka topics shared between services (ARCHITECTURE.md, "Processes"). */
public final class Topics {
    public static final String DISCREPANCIES = "preparedness.discrepancies";
    public static final String WAREHOUSE_MOVEMENTS = "warehouse.movements";
    public static final String ROSTER_TEAMS = "roster.teams";
    /** Drills a stock issue may name, with their drawing windows ({@link DrillChanged}). */
    public static final String DRILLS = "drill.drills";
    /** Sign-in accounts, from the gateway ({@link UserChanged}). */
    public static final String IDENTITY_USERS = "identity.users";

    private Topics() {
    }
}
