package org.beiqin.warehouse.config;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beiqin.commons.security.Divisions;
import org.beiqin.contract.Rule;

/** A rule parameter for a record's division: the county's override if it has one, else the default. */
@ApplicationScoped
public class RuleParameters {

    @Inject
    WarehouseConfig config;

    public int stocktakeOverdueDays(String division) {
        return county(division).flatMap(c -> boxed(c.stocktakeOverdueDays()))
                .orElse(config.rules().stocktakeOverdueDays());
    }

    public int issuedGraceDays(String division) {
        return county(division).flatMap(c -> boxed(c.issuedGraceDays())).orElse(config.rules().issuedGraceDays());
    }

    public int monthlyCheckDays(String division) {
        return county(division).flatMap(c -> boxed(c.monthlyCheckDays())).orElse(config.equipment().monthlyCheckDays());
    }

    public int annualInspectionDays(String division) {
        return county(division).flatMap(c -> boxed(c.annualInspectionDays()))
                .orElse(config.equipment().annualInspectionDays());
    }

    public int faultRepairDays(String division) {
        return county(division).flatMap(c -> boxed(c.faultRepairDays())).orElse(config.equipment().faultRepairDays());
    }

    public int postUseCheckDays(String division) {
        return county(division).flatMap(c -> boxed(c.postUseCheckDays())).orElse(config.equipment().postUseCheckDays());
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

    private int perAgent(String division, String agent,
            Function<WarehouseConfig.County, Map<String, Integer>> countyMap,
            Map<String, Integer> defaults) {
        Integer years = county(division).map(c -> countyMap.apply(c).get(agent)).orElse(null);
        if (years == null) {
            years = defaults.get(agent);
        }
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

    public String severity(Rule rule, String division) {
        return county(division).map(c -> c.severity().get(rule.name()))
                .or(() -> Optional.ofNullable(config.rules().severity().get(rule.name())))
                .orElse(rule.defaultSeverity().wire());
    }

    private Optional<WarehouseConfig.County> county(String division) {
        return Optional.ofNullable(config.rules().county().get(Divisions.county(division)));
    }

    private static Optional<Integer> boxed(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }
}
