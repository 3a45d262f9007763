package org.beiqin.drill.rules;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;

/** Builds this service's findings: stable keys, the configured severity, both languages. */
@ApplicationScoped
public class Findings {

    public static final String SERVICE = "drill";

    @Inject
    Clock clock;

    @Inject
    RuleParameters parameters;

    public static String key(Rule rule, String division, String subjectType, String subjectId) {
        return Discrepancy.key(SERVICE, division, rule.name(), subjectType, subjectId);
    }

    public Discrepancy finding(Rule rule, String division, String subjectType, String subjectId, String label,
            String zh, String en, Map<String, Object> evidence) {
        return Discrepancy.found(SERVICE, rule, parameters.severity(rule, division), division,
                new Discrepancy.Subject(subjectType, subjectId, label), clock.instant(), text(zh, en), evidence);
    }

    public static Discrepancy.Text text(String zh, String en) {
        return new Discrepancy.Text(zh, en);
    }
}
