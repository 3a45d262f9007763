package org.beiqin.warehouse.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.ItemKind;
import org.beiqin.warehouse.Warehouse;

/**
 * BELOW_STANDARD, per responder (79名应急队员，铁锨只有20把，胶鞋31双，应急手电6个……保证至少每人一套 —
 * notice 002): a warehouse holds less usable personal kit (items of kind {@code PERSONAL_KIT} in
 * its catalogue) than the active members of the rescue teams of its own division, one set each.
 * Team sizes come from {@code roster.teams}.
 * <p>Resolved by: kit reaching one set per responder (a movement of the item) · the teams shrinking
 * to what is held. Updated while open when the team size or the kit held changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalKitRule extends RuleSupport {

    public static final Rule RULE = Rule.BELOW_STANDARD;

    /** Active members of the teams of exactly this division. */
    public int responders(String division) {
        Object sum = em.createNativeQuery("SELECT coalesce(sum(active_members), 0) FROM team_strength WHERE division = ?1")
                .setParameter(1, division).getSingleResult();
        return ((Number) sum).intValue();
    }

    /** Personal-kit items a warehouse of this division may stock (its own catalogue and the county's). */
    public List<Item> kit(Warehouse warehouse) {
        return Item.<Item>list("kind = ?1", ItemKind.PERSONAL_KIT).stream().filter(i -> i.usableIn(warehouse.division))
                .toList();
    }

    public void check(Warehouse warehouse, Item item) {
        String id = Findings.compositeId(warehouse.id, item.id);
        String key = findings.key(RULE, warehouse.division, "kit", id);
        int needed = responders(warehouse.division);
        BigDecimal available = stock.available(warehouse.id, item.id, today());
        if (item.kind != ItemKind.PERSONAL_KIT || available.compareTo(BigDecimal.valueOf(needed)) >= 0) {
            discrepancies.resolve(key, Findings.text("个人装备已达每人一套", "One set per responder"),
                    Map.of("available", available.stripTrailingZeros().toPlainString(), "responders", needed));
            return;
        }
        String unit = item.unit == null ? "" : item.unit;
        String have = available.stripTrailingZeros().toPlainString();
        discrepancies.open(findings.finding(RULE, warehouse.division, "kit", id, warehouse.name + " " + item.name,
                String.format("应急队员 %d 名，%s 仅 %s%s，未达每人一套", needed, item.name, have, unit),
                String.format("%d responders but only %s %s of %s: not one set each", needed, have, unit, item.name),
                Map.of("responders", needed, "available", have, "itemId", item.id.toString())));
    }

    /** Every warehouse of the division, every kit item: after a team of that division changed. */
    public void teamChanged(String division) {
        for (Warehouse warehouse : Warehouse.<Warehouse>list("division", division)) {
            kit(warehouse).forEach(item -> check(warehouse, item));
        }
    }

    public void sweep() {
        for (Warehouse warehouse : Warehouse.<Warehouse>listAll()) {
            kit(warehouse).forEach(item -> check(warehouse, item));
        }
    }
}
