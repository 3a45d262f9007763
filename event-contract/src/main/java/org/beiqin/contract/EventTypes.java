package org.beiqin.contract;

/** CloudEvents {@code type} and {@code dataschema} values of the contract. */
public final class EventTypes {
    public static final String DISCREPANCY_OPENED = "preparedness.discrepancy.opened";
    public static final String DISCREPANCY_UPDATED = "preparedness.discrepancy.updated";
    public static final String DISCREPANCY_RESOLVED = "preparedness.discrepancy.resolved";
    public static final String DISCREPANCY_SCHEMA = "urn:beiqin:discrepancy:1";

    public static final String STOCK_MOVED = "preparedness.stock.moved";
    public static final String STOCK_MOVED_SCHEMA = "urn:beiqin:stock-moved:1";

    public static final String TEAM_CHANGED = "preparedness.team.changed";
    public static final String TEAM_CHANGED_SCHEMA = "urn:beiqin:team-changed:1";

    public static final String DRILL_CHANGED = "preparedness.drill.changed";
    public static final String DRILL_CHANGED_SCHEMA = "urn:beiqin:drill-changed:1";

    public static final String USER_CHANGED = "preparedness.user.changed";
    public static final String USER_CHANGED_SCHEMA = "urn:beiqin:user-changed:1";

    private EventTypes() {
    }
}
