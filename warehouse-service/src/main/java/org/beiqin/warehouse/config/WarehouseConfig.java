package org.beiqin.warehouse.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.beiqin.warehouse.ItemKind;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Business settings of the warehouse service. Every rule parameter has a default and may be
 * overridden per county ({@code beiqin.warehouse.rules.county."410182".stocktake-overdue-days=60})
 * without a code change (RULES.md).
 */
@ConfigMapping(prefix = "beiqin.warehouse")
public interface WarehouseConfig {

    Items items();

    Rules rules();

    Equipment equipment();

    /** Equipment readiness schedules. Defaults below; per county under {@code rules.county}. */
    interface Equipment {
        /** GB 50444-2008 §5.2.1: extinguishers are checked monthly. */
        @WithDefault("31")
        int monthlyCheckDays();

        /** RULES.md: annual inspection/maintenance. */
        @WithDefault("365")
        int annualInspectionDays();

        /** XF 95-2015 §6.2: years from manufacture after which an extinguisher is scrapped, per agent. */
        Map<String, Integer> scrapYears();

        /** GB 50444-2008 §5.3.2: years from manufacture to the first service (送修), per agent. */
        Map<String, Integer> firstServiceYears();

        /** GB 50444-2008 §5.3.2: years between services after the first, per agent. */
        Map<String, Integer> serviceIntervalYears();

        /** GB 50444-2008 §5.3.1: at most this share of a unit's extinguishers away for service at once. */
        @WithDefault("0.25")
        double maxShareAwayForService();

        /** BATTERY_LOW below this charge, per equipment kind; {@code default} for the rest. */
        Map<String, Integer> chargeThresholdPercent();

        /** CHARGE_CHECK_OVERDUE after this many days without a reading, per kind; {@code default}. */
        Map<String, Integer> chargeIntervalDays();

        /** EQUIPMENT_FAULTY: days a fault may stand without repair or scrap. */
        @WithDefault("7")
        int faultRepairDays();

        /** POST_USE_CHECK_MISSING: days after a return from use within which it must be checked. */
        @WithDefault("3")
        int postUseCheckDays();

        /** Largest facility-inspection photo accepted. */
        @WithDefault("5242880")
        int maxPhotoBytes();
    }

    Teams teams();

    interface Teams {
        /** Whether this replica consumes roster.teams (team sizes for the per-responder standard). */
        @WithDefault("true")
        boolean consume();
    }

    Drills drills();

    interface Drills {
        /** Whether this replica consumes drill.drills (which drills a stock issue may name, and when). */
        @WithDefault("true")
        boolean consume();
    }

    /** The periodic sweep of time-based rules (read by {@code WarehouseSweep}'s schedule). */
    Sweep sweep();

    interface Sweep {
        /** How often; "off" disables it (tests run the sweep themselves). */
        @WithDefault("15m")
        String every();

        /** Pause after start-up before the first sweep. */
        @WithDefault("30s")
        String delay();
    }

    interface Items {
        /**
         * Attributes an item of a kind must carry to be labelled (物资标识: 名称、规格、数量 — notice
         * 001; 储存油桶未标明油品种类 — notice 002), e.g. {@code FUEL=fuelType}.
         */
        Map<String, List<String>> requiredAttributes();

        /** Kinds whose stock is kept in lots with an expiry date. */
        Set<ItemKind> shelfLifeKinds();
    }

    interface Rules {
        /** STOCKTAKE_OVERDUE: days without a completed stocktake (定期盘库). */
        @WithDefault("90")
        int stocktakeOverdueDays();

        /** ISSUED_NOT_RETURNED: days of grace after the due-back date. */
        @WithDefault("0")
        int issuedGraceDays();

        /** Severity per rule code, where a county wants other than the contract's default. */
        Map<String, String> severity();

        /** Per-county overrides, keyed by the 6-digit county code. */
        Map<String, County> county();
    }

    interface County {
        Optional<Integer> stocktakeOverdueDays();

        Optional<Integer> issuedGraceDays();

        Optional<Integer> monthlyCheckDays();

        Optional<Integer> annualInspectionDays();

        Optional<Integer> faultRepairDays();

        Optional<Integer> postUseCheckDays();

        /** Per agent, where the county's practice differs from XF 95-2015 / GB 50444-2008. */
        Map<String, Integer> scrapYears();

        Map<String, Integer> firstServiceYears();

        Map<String, Integer> serviceIntervalYears();

        Map<String, String> severity();
    }
}
