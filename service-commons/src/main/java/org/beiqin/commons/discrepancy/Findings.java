package org.beiqin.commons.discrepancy;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;

/**
 * Builds a service's findings: stable keys under the service's name, the severity its
 * configuration gives the rule in that division, both languages, the detection time from the
 * injected clock. The service supplies only its {@link FindingPolicy}.
 */
@ApplicationScoped
public class Findings {

    @Inject
    Clock clock;

    @Inject
    Instance<FindingPolicy> policy;

    /** The key of a finding about one subject: {@code service/division/RULE/type/id}. */
    public String key(Rule rule, String division, String subjectType, String subjectId) {
        return Discrepancy.key(policy.get().service(), division, rule.name(), subjectType, subjectId);
    }

    /** What every key of this service starts with, for {@link Discrepancies#reconcile}. */
    public String keyPrefix() {
        return policy.get().service() + "/";
    }

    public Discrepancy finding(Rule rule, String division, String subjectType, String subjectId, String label,
            String zh, String en, Map<String, Object> evidence) {
        FindingPolicy service = policy.get();
        return Discrepancy.found(service.service(), rule, service.severity(rule, division), division,
                new Discrepancy.Subject(subjectType, subjectId, label), clock.instant(), text(zh, en), evidence);
    }

    public static Discrepancy.Text text(String zh, String en) {
        return new Discrepancy.Text(zh, en);
    }

    /** Ids of composite subjects (a stock line, a lot) join their parts with ':' — keys use '/'. */
    public static String compositeId(Object... parts) {
        StringBuilder id = new StringBuilder();
        for (Object part : parts) {
            if (id.length() > 0) {
                id.append(':');
            }
            id.append(part == null ? "" : part);
        }
        return id.toString();
    }
}
