package org.beiqin.drill.rules;

import java.time.MonthDay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.Rule;
import org.beiqin.drill.config.DrillConfig;

/** Each rule's parameters for a division: the county's own setting, else the default. */
@ApplicationScoped
public class RuleParameters {

    @Inject
    DrillConfig config;

    public int evaluationDays(String division) {
        DrillConfig.County county = county(division);
        return county == null ? config.rules().evaluationDays()
                : county.evaluationDays().orElse(config.rules().evaluationDays());
    }

    public int threeOutagesLeadDays(String division) {
        DrillConfig.County county = county(division);
        return county == null ? config.rules().threeOutagesLeadDays()
                : county.threeOutagesLeadDays().orElse(config.rules().threeOutagesLeadDays());
    }

    public MonthDay floodSeasonStart() {
        return MonthDay.parse("--" + config.rules().floodSeasonStart());
    }

    public String severity(Rule rule, String division) {
        DrillConfig.County county = county(division);
        if (county != null && county.severity().containsKey(rule.name())) {
            return county.severity().get(rule.name());
        }
        return config.rules().severity().getOrDefault(rule.name(), rule.defaultSeverity().wire());
    }

    private DrillConfig.County county(String division) {
        return config.rules().county().get(Divisions.county(division));
    }
}
