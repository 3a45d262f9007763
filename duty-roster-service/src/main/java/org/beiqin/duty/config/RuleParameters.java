package org.beiqin.duty.config;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beiqin.commons.discrepancy.CountyParameters;

/** The duty rules' parameters for a division: the county's own setting, else the default. */
@ApplicationScoped
public class RuleParameters extends CountyParameters<DutyConfig.County> {

    @Inject
    DutyConfig config;

    @Override
    public String service() {
        return "duty";
    }

    public int checkInGraceMinutes(String division) {
        return setting(division, DutyConfig.County::checkInGraceMinutes, config.rules().checkInGraceMinutes());
    }

    public int spotCheckMinutes(String division) {
        return setting(division, DutyConfig.County::spotCheckMinutes, config.rules().spotCheckMinutes());
    }

    /** The least number of active members a team of {@code level} (township, village) must have. */
    public int minSize(String division, String level) {
        return keyed(division, DutyConfig.County::minSize, config.rules().minSize(), level, 0);
    }

    /** The age (by gender, M/F) from which a member may no longer be rostered. */
    public int maxAge(String division, String gender) {
        return keyed(division, DutyConfig.County::maxAge, config.rules().maxAge(), gender, 200);
    }

    @Override
    protected Map<String, DutyConfig.County> counties() {
        return config.rules().county();
    }

    @Override
    protected Map<String, String> severities() {
        return config.rules().severity();
    }

    @Override
    protected Map<String, String> severities(DutyConfig.County county) {
        return county.severity();
    }
}
