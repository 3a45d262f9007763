package org.beiqin.contract;

import java.util.Optional;

/**
 * The discrepancy rules of {@code domain/RULES.md}, with the service that detects each and the
 * severity it carries unless a county configures another. Consumers must keep events whose rule
 * they do not know ({@link #find(String)} returns empty for those); producers use these codes.
 */
public enum Rule {
    // warehouse-service
    LEDGER_MISMATCH("warehouse-service", Severity.HIGH),
    STOCKTAKE_OVERDUE("warehouse-service", Severity.MEDIUM),
    ISSUED_NOT_RETURNED("warehouse-service", Severity.MEDIUM, true),
    ITEM_UNLABELED("warehouse-service", Severity.LOW),
    MIXED_STORAGE("warehouse-service", Severity.LOW),
    EXTINGUISHER_INSPECTION_OVERDUE("warehouse-service", Severity.HIGH),
    EXTINGUISHER_EXPIRED("warehouse-service", Severity.HIGH),
    BATTERY_LOW("warehouse-service", Severity.MEDIUM),
    CHARGE_CHECK_OVERDUE("warehouse-service", Severity.MEDIUM),
    EQUIPMENT_FAULTY("warehouse-service", Severity.HIGH),
    POST_USE_CHECK_MISSING("warehouse-service", Severity.MEDIUM),
    EXPIRED_STOCK("warehouse-service", Severity.MEDIUM),
    BELOW_STANDARD("warehouse-service", Severity.HIGH),
    FACILITY_RISK("warehouse-service", Severity.HIGH),
    /** A keeper changed a balance by adjustment, outside any stocktake, and the county has not approved it. */
    ADJUSTMENT_UNAPPROVED("warehouse-service", Severity.MEDIUM),
    // drill-service
    EVALUATION_MISSING("drill-service", Severity.MEDIUM),
    EVALUATION_BEFORE_PLAN("drill-service", Severity.HIGH),
    SUPPLIES_NOT_DRAWN("drill-service", Severity.MEDIUM),
    THREE_OUTAGES_NOT_DRILLED("drill-service", Severity.HIGH),
    IMPROVEMENT_OVERDUE("drill-service", Severity.MEDIUM),
    UNIT_WITHOUT_CONTACT("drill-service", Severity.MEDIUM),
    ROLES_UNASSIGNED("drill-service", Severity.MEDIUM),
    // duty-roster-service
    NOT_CHECKED_IN("duty-roster-service", Severity.MEDIUM, true),
    LEADER_ABSENT("duty-roster-service", Severity.HIGH, true),
    UNREACHABLE("duty-roster-service", Severity.HIGH, true),
    COVERAGE_GAP("duty-roster-service", Severity.HIGH),
    STALE_ASSIGNMENT("duty-roster-service", Severity.MEDIUM, true),
    MEMBER_DEPARTED_LISTED("duty-roster-service", Severity.MEDIUM, true),
    TEAM_BELOW_MINIMUM("duty-roster-service", Severity.MEDIUM),
    MEMBER_OVER_AGE("duty-roster-service", Severity.LOW, true),
    CONTACT_MISSING("duty-roster-service", Severity.MEDIUM, true);

    private final String service;
    private final Severity defaultSeverity;
    private final boolean namesPeople;

    Rule(String service, Severity defaultSeverity) {
        this(service, defaultSeverity, false);
    }

    Rule(String service, Severity defaultSeverity, boolean namesPeople) {
        this.service = service;
        this.defaultSeverity = defaultSeverity;
        this.namesPeople = namesPeople;
    }

    /**
     * Whether this rule's findings are about a person (an officer who did not check in, a member
     * over age, the recipient of an issue): their summaries and subjects carry names, ages and
     * phone numbers, which published documents leave out.
     */
    public boolean namesPeople() {
        return namesPeople;
    }

    public String service() {
        return service;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public static Optional<Rule> find(String code) {
        for (Rule rule : values()) {
            if (rule.name().equals(code)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
