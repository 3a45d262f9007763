package org.beiqin.duty.rules;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.Rule;
import org.beiqin.duty.config.DutyConfig;

/** Each rule's parameters for a division: the county's own setting, else the default. */
@ApplicationScoped
public class RuleParameters {

    @Inject
    DutyConfig config;

    public int checkInGraceMinutes(String division) {
        DutyConfig.County county = county(division);
        return county == null ? config.rules().checkInGraceMinutes()
                : county.checkInGraceMinutes().orElse(config.rules().checkInGraceMinutes());
    }

    public int spotCheckMinutes(String division) {
        DutyConfig.County county = county(division);
        return county == null ? config.rules().spotCheckMinutes()
                : county.spotCheckMinutes().orElse(config.rules().spotCheckMinutes());
    }

    public int minSize(String division, String level) {
        return lookup(division, DutyConfig.County::minSize, config.rules().minSize(), level, 0);
    }

    public int maxAge(String division, String gender) {
        return lookup(division, DutyConfig.County::maxAge, config.rules().maxAge(), gender, 200);
    }

    public String severity(Rule rule, String division) {
        DutyConfig.County county = county(division);
        if (county != null && county.severity().containsKey(rule.name())) {
            return county.severity().get(rule.name());
        }
        return config.rules().severity().getOrDefault(rule.name(), rule.defaultSeverity().wire());
    }

    private <T> T lookup(String division, Function<DutyConfig.County, Map<String, T>> own, Map<String, T> defaults,
            String key, T fallback) {
        DutyConfig.County county = county(division);
        if (county != null && own.apply(county).containsKey(key)) {
            return own.apply(county).get(key);
        }
        return defaults.getOrDefault(key, fallback);
    }

    private DutyConfig.County county(String division) {
        return config.rules().county().get(Divisions.county(division));
    }
}
