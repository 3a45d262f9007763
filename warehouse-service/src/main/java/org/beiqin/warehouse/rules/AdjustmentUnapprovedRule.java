package org.beiqin.warehouse.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.Warehouse;

/**
 * ADJUSTMENT_UNAPPROVED: a keeper's adjustment changes a balance with no count and no approval
 * behind it — the same power as a stocktake correction, without the county's sign-off. It is
 * posted (the keeper is not blocked in the field) and stands as a finding the county sees until
 * the county approves it or it is reversed.
 * <p>Resolved by: the county's approval ({@code POST /movements/{id}/approval}) · the adjustment's
 * reversal. Never updated: an adjustment is not edited.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AdjustmentUnapprovedRule extends RuleSupport {

    public static final Rule RULE = Rule.ADJUSTMENT_UNAPPROVED;

    public void posted(Movement adjustment, Warehouse warehouse, Item item) {
        String delta = adjustment.delta.stripTrailingZeros().toPlainString();
        String signed = adjustment.delta.signum() > 0 ? "+" + delta : delta;
        String unit = item.unit == null ? "" : item.unit;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("movementId", adjustment.id.toString());
        evidence.put("delta", delta);
        evidence.put("reason", adjustment.reason == null ? "" : adjustment.reason);
        evidence.put("by", adjustment.actor);
        discrepancies.open(findings.finding(RULE, adjustment.division, "movement", adjustment.id.toString(),
                warehouse.name + " " + item.name,
                String.format("%s 的 %s 调整 %s%s（理由：%s），未经县级审批", warehouse.name, item.name, signed, unit,
                        adjustment.reason == null ? "未填写" : adjustment.reason),
                String.format("%s at %s adjusted by %s %s (reason: %s) without the county's approval", item.name,
                        warehouse.name, signed, unit, adjustment.reason == null ? "none" : adjustment.reason),
                evidence));
    }

    public void approved(Movement adjustment, String approverName) {
        discrepancies.resolve(findings.key(RULE, adjustment.division, "movement", adjustment.id.toString()),
                Findings.text("县级已审批此调整", "Approved by the county"), Map.of("approvedBy", approverName));
    }

    public void reversed(Movement adjustment, Movement reversal) {
        discrepancies.resolve(findings.key(RULE, adjustment.division, "movement", adjustment.id.toString()),
                Findings.text("调整已冲销", "The adjustment was reversed"),
                Map.of("reversalId", reversal.id.toString()));
    }
}
