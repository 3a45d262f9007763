package org.beiqin.drill.config;

import java.time.MonthDay;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beiqin.commons.discrepancy.CountyParameters;

/** The drill rules' parameters for a division: the county's own setting, else the default. */
@ApplicationScoped
public class RuleParameters extends CountyParameters<DrillConfig.County> {

    @Inject
    DrillConfig config;

    @Override
    public String service() {
        return "drill";
    }

    public int evaluationDays(String division) {
        return setting(division, DrillConfig.County::evaluationDays, config.rules().evaluationDays());
    }

    public int threeOutagesLeadDays(String division) {
        return setting(division, DrillConfig.County::threeOutagesLeadDays, config.rules().threeOutagesLeadDays());
    }

    public MonthDay floodSeasonStart() {
        return MonthDay.parse("--" + config.rules().floodSeasonStart());
    }

    @Override
    protected Map<String, DrillConfig.County> counties() {
        return config.rules().county();
    }

    @Override
    protected Map<String, String> severities() {
        return config.rules().severity();
    }

    @Override
    protected Map<String, String> severities(DrillConfig.County county) {
        return county.severity();
    }
}
