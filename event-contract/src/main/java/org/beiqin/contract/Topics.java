package org.beiqin.contract;

/** Kafka topics shared between services (ARCHITECTURE.md, "Processes"). */
public final class Topics {
    public static final String DISCREPANCIES = "preparedness.discrepancies";
    public static final String WAREHOUSE_MOVEMENTS = "warehouse.movements";
    public static final String ROSTER_TEAMS = "roster.teams";

    private Topics() {
    }
}
