package org.beiqin.warehouse.rules;

import org.beiqin.contract.Discrepancy;
import org.beiqin.commons.discrepancy.Discrepancies;
import java.util.UUID;
import java.util.Collection;
import java.util.ArrayList;
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
        checkAll(warehouse, List.of(item));
    }

    /** Judges the kit items of {@code items} against the division's responders in a fixed number of statements. */
    public void checkAll(Warehouse warehouse, Collection<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        int needed = responders(warehouse.division);
        Map<UUID, BigDecimal> held = stock.available(warehouse.id, items.stream().map(i -> i.id).toList(), today());
        List<Discrepancy> found = new ArrayList<>();
        List<Discrepancies.Resolution> met = new ArrayList<>();
        for (Item item : items) {
            String id = Findings.compositeId(warehouse.id, item.id);
            String key = findings.key(RULE, warehouse.division, "kit", id);
            BigDecimal available = held.get(item.id);
            String have = available.stripTrailingZeros().toPlainString();
            if (item.kind != ItemKind.PERSONAL_KIT || available.compareTo(BigDecimal.valueOf(needed)) >= 0) {
                met.add(new Discrepancies.Resolution(key, Findings.text("个人装备已达每人一套", "One set per responder"),
                        Map.of("available", have, "responders", needed)));
                continue;
            }
            String unit = item.unit == null ? "" : item.unit;
            found.add(findings.finding(RULE, warehouse.division, "kit", id, warehouse.name + " " + item.name,
                    String.format("应急队员 %d 名，%s 仅 %s%s，未达每人一套", needed, item.name, have, unit),
                    String.format("%d responders but only %s %s of %s: not one set each", needed, have, unit, item.name),
                    Map.of("responders", needed, "available", have, "itemId", item.id.toString())));
        }
        discrepancies.openAll(found);
        discrepancies.resolveAll(met);
    }

    /** Every warehouse of the division, every kit item: after a team of that division changed. */
    public void teamChanged(String division) {
        for (Warehouse warehouse : Warehouse.<Warehouse>list("division", division)) {
            checkAll(warehouse, kit(warehouse));
        }
    }

    public void sweep() {
        for (Warehouse warehouse : Warehouse.<Warehouse>listAll()) {
            checkAll(warehouse, kit(warehouse));
        }
    }
}
