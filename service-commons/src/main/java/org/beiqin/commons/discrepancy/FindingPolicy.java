package org.beiqin.commons.discrepancy;

import org.beiqin.contract.Rule;

/**
 * What a service's {@link Findings} take from its configuration: the name its keys and events
 * carry, and each rule's severity in a division. A service that detects anything has exactly one
 * such bean (its {@link CountyParameters}).
 */
public interface FindingPolicy {

    /** The first part of every key and the {@code source} of every finding: {@code warehouse}, {@code drill}. */
    String service();

    /** The severity a finding of {@code rule} in {@code division} carries (wire form). */
    String severity(Rule rule, String division);
}
