package org.beiqin.warehouse.config;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beiqin.commons.discrepancy.CountyParameters;

/** The warehouse rules' parameters for a record's division: the county's own setting, else the default. */
@ApplicationScoped
public class RuleParameters extends CountyParameters<WarehouseConfig.County> {

    @Inject
    WarehouseConfig config;

    @Override
    public String service() {
        return "warehouse";
    }

    public int stocktakeOverdueDays(String division) {
        return setting(division, WarehouseConfig.County::stocktakeOverdueDays, config.rules().stocktakeOverdueDays());
    }

    public int issuedGraceDays(String division) {
        return setting(division, WarehouseConfig.County::issuedGraceDays, config.rules().issuedGraceDays());
    }

    public int monthlyCheckDays(String division) {
        return setting(division, WarehouseConfig.County::monthlyCheckDays, config.equipment().monthlyCheckDays());
    }

    public int annualInspectionDays(String division) {
        return setting(division, WarehouseConfig.County::annualInspectionDays,
                config.equipment().annualInspectionDays());
    }

    public int faultRepairDays(String division) {
        return setting(division, WarehouseConfig.County::faultRepairDays, config.equipment().faultRepairDays());
    }

    public int postUseCheckDays(String division) {
        return setting(division, WarehouseConfig.County::postUseCheckDays, config.equipment().postUseCheckDays());
    }

    /** XF 95-2015 scrap age of an agent, unless the county sets its own. */
    public int scrapYears(String division, String agent) {
        return perAgent(division, agent, WarehouseConfig.County::scrapYears, config.equipment().scrapYears());
    }

    /** GB 50444-2008 first service after manufacture, unless the county sets its own. */
    public int firstServiceYears(String division, String agent) {
        return perAgent(division, agent, WarehouseConfig.County::firstServiceYears,
                config.equipment().firstServiceYears());
    }

    /** GB 50444-2008 years between services, unless the county sets its own. */
    public int serviceIntervalYears(String division, String agent) {
        return perAgent(division, agent, WarehouseConfig.County::serviceIntervalYears,
                config.equipment().serviceIntervalYears());
    }

    private int perAgent(String division, String agent, Function<WarehouseConfig.County, Map<String, Integer>> own,
            Map<String, Integer> defaults) {
        Integer years = keyed(division, own, defaults, agent, null);
        if (years == null) {
            throw new IllegalStateException("no extinguisher schedule configured for agent " + agent);
        }
        return years;
    }

    public int chargeThresholdPercent(String kind) {
        Map<String, Integer> byKind = config.equipment().chargeThresholdPercent();
        return byKind.getOrDefault(kind, byKind.getOrDefault("default", 80));
    }

    public int chargeIntervalDays(String kind) {
        Map<String, Integer> byKind = config.equipment().chargeIntervalDays();
        return byKind.getOrDefault(kind, byKind.getOrDefault("default", 30));
    }

    @Override
    protected Map<String, WarehouseConfig.County> counties() {
        return config.rules().county();
    }

    @Override
    protected Map<String, String> severities() {
        return config.rules().severity();
    }

    @Override
    protected Map<String, String> severities(WarehouseConfig.County county) {
        return county.severity();
    }
}
