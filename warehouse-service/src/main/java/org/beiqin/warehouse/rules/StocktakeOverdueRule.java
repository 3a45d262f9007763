package org.beiqin.warehouse.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.commons.time.Wording;
import org.beiqin.contract.Discrepancy;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.config.RuleParameters;
import org.beiqin.warehouse.readmodel.Times;

/**
 * STOCKTAKE_OVERDUE (定期盘库 — notice 002; "日周月"排查 — notice 004): no completed stocktake of a
 * warehouse for more than the county's limit (90 days by default), counted from the last
 * submitted stocktake, or from the warehouse's registration if it never had one.
 * <p>Resolved when a stocktake of the warehouse is submitted. The text names the day since which
 * nothing was counted, so it is not updated as days pass.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StocktakeOverdueRule extends RuleSupport {

    public static final Rule RULE = Rule.STOCKTAKE_OVERDUE;

    @Inject
    RuleParameters parameters;

    public void sweep() {
        Instant now = clock.instant();
        List<Discrepancy> overdue = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT w.id, max(s.submitted_at) FROM warehouse w
                LEFT JOIN stocktake s ON s.warehouse_id = w.id AND s.submitted_at IS NOT NULL
                GROUP BY w.id""").getResultList();
        for (Object[] row : rows) {
            Warehouse warehouse = Warehouse.findById(row[0]);
            Instant last = Times.instant(row[1]);
            Instant since = last != null ? last : warehouse.createdAt;
            long days = Duration.between(since, now).toDays();
            int limit = parameters.stocktakeOverdueDays(warehouse.division);
            if (days > limit) {
                overdue.add(findings.finding(RULE, warehouse.division, "warehouse", warehouse.id.toString(),
                        warehouse.name,
                        last == null ? String.format("自 %s 登记以来从未盘点（要求每 %d 天至少一次）", Wording.zhDay(since), limit)
                                : String.format("自 %s 以来未盘点（要求每 %d 天至少一次）", Wording.zhDay(since), limit),
                        last == null ? String.format("Never counted since registration on %s (every %d days required)",
                                Wording.enDay(since), limit)
                                : String.format("Not counted since %s (every %d days required)", Wording.enDay(since), limit),
                        last == null ? Map.of("registeredAt", since.toString(), "limitDays", limit)
                                : Map.of("lastStocktakeAt", last.toString(), "limitDays", limit)));
            }
        }
        discrepancies.reconcile(RULE.name(), findings.keyPrefix(), "warehouse", overdue,
                Findings.text("已在期限内完成盘点", "A stocktake was completed within the limit"));
    }

    /** A stocktake was submitted: the warehouse is counted. */
    public void completed(Warehouse warehouse, UUID stocktakeId) {
        discrepancies.resolve(findings.key(RULE, warehouse.division, "warehouse", warehouse.id.toString()),
                Findings.text("盘点已完成", "A stocktake was completed"), Map.of("stocktakeId", stocktakeId.toString()));
    }
}
