package org.beiqin.warehouse.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.config.RuleParameters;

/**
 * ISSUED_NOT_RETURNED (发放给个人后未及时回收易丢失；只有出库记录没有返还记录 — notice 002): an
 * item issued to a named person with a due-back date, not returned or written off by then.
 * <p>Resolved by: returns and write-offs covering what was issued · the issue reversed. Updated while
 * open by a partial return or write-off (what is still out).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IssuedNotReturnedRule extends RuleSupport {

    public static final Rule RULE = Rule.ISSUED_NOT_RETURNED;

    @Inject
    RuleParameters parameters;

    /** Re-evaluates one issue after it, or a return, write-off or reversal touching it, was posted. */
    public void check(UUID issueId, UUID settledBy) {
        Movement issue = Movement.findById(issueId);
        if (issue == null || issue.dueBack == null) {
            return;
        }
        BigDecimal outstanding = stock.outstanding(issueId);
        Discrepancy finding = overdue(issue, outstanding);
        if (finding != null) {
            discrepancies.open(finding);
        } else if (outstanding.signum() == 0) {
            discrepancies.resolve(findings.key(RULE, issue.division, "issue", issueId.toString()),
                    Findings.text("物资已归还或核销", "Returned or written off"),
                    settledBy == null ? Map.of() : Map.of("movementId", settledBy.toString()));
        }
    }

    public void sweep() {
        LocalDate today = today();
        @SuppressWarnings("unchecked")
        List<UUID> candidates = em.createNativeQuery("""
                SELECT issue_id FROM open_loan WHERE due_back < ?1""")
                .setParameter(1, today).getResultList();
        List<Discrepancy> overdue = new ArrayList<>();
        for (UUID id : candidates) {
            Movement issue = Movement.findById(id);
            Discrepancy finding = overdue(issue, stock.outstanding(id));
            if (finding != null) {
                overdue.add(finding);
            }
        }
        discrepancies.reconcile(RULE.name(), findings.keyPrefix(), "issue", overdue,
                Findings.text("物资已归还或核销", "Returned or written off"));
    }

    private Discrepancy overdue(Movement issue, BigDecimal outstanding) {
        LocalDate today = today();
        LocalDate lastDay = issue.dueBack.plusDays(parameters.issuedGraceDays(issue.division));
        if (outstanding.signum() <= 0 || !today.isAfter(lastDay)) {
            return null;
        }
        Item item = Item.findById(issue.itemId);
        Warehouse warehouse = Warehouse.findById(issue.warehouseId);
        String qty = outstanding.stripTrailingZeros().toPlainString();
        String unit = item.unit == null ? "" : item.unit;
        return findings.finding(RULE, issue.division, "issue", issue.id.toString(),
                warehouse.name + " " + item.name + " → " + issue.recipientName,
                String.format("发放给%s的%s %s%s 应于 %s 归还，至今未还", issue.recipientName, item.name, qty, unit,
                        Wording.zh(issue.dueBack)),
                String.format("%s %s of %s issued to %s, due back %s, not returned", qty, unit, item.name,
                        issue.recipientName, Wording.en(issue.dueBack)),
                evidence(issue, qty));
    }

    private static Map<String, Object> evidence(Movement issue, String outstanding) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("recipient", issue.recipientName);
        if (issue.recipientPhone != null) {
            evidence.put("recipientPhone", issue.recipientPhone);
        }
        evidence.put("issuedAt", issue.occurredAt.toString());
        evidence.put("dueBack", issue.dueBack.toString());
        evidence.put("outstanding", outstanding);
        return evidence;
    }
}
