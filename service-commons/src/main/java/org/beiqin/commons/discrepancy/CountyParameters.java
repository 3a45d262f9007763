package org.beiqin.commons.discrepancy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.Rule;

/**
 * A rule parameter for a record's division: its county's own setting where the county has one,
 * else the service's. Each service's {@code config.RuleParameters} extends this and names only its
 * parameters; looking a county up, falling back and choosing a severity are done here, once.
 *
 * @param <C> the service's per-county configuration group
 */
public abstract class CountyParameters<C> implements FindingPolicy {

    /** The counties that set anything of their own, by 6-digit code. */
    protected abstract Map<String, C> counties();

    /** Severities other than RULES.md's defaults, by rule name, for the whole service. */
    protected abstract Map<String, String> severities();

    /** A county's own severities, by rule name. */
    protected abstract Map<String, String> severities(C county);

    /** The county's number if it sets one, else {@code otherwise}. */
    protected final int setting(String division, Function<C, Optional<Integer>> own, int otherwise) {
        return county(division).flatMap(own).orElse(otherwise);
    }

    /**
     * The county's value under {@code key} if it sets one, else the service's under that key, else
     * {@code otherwise} (which may be null for "not configured").
     */
    protected final <T> T keyed(String division, Function<C, Map<String, T>> own, Map<String, T> defaults, String key,
            T otherwise) {
        return county(division).map(c -> own.apply(c).get(key))
                .or(() -> Optional.ofNullable(defaults.get(key)))
                .orElse(otherwise);
    }

    @Override
    public String severity(Rule rule, String division) {
        return keyed(division, this::severities, severities(), rule.name(), rule.defaultSeverity().wire());
    }

    /** The county's own settings for a division (any level), if it has any. */
    protected final Optional<C> county(String division) {
        return Optional.ofNullable(counties().get(Divisions.county(division)));
    }
}
