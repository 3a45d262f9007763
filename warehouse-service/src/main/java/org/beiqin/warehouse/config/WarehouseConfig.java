package org.beiqin.warehouse.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
        OptionalInt stocktakeOverdueDays();

        OptionalInt issuedGraceDays();

        Map<String, String> severity();
    }
}
