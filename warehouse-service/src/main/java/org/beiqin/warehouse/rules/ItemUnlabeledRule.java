package org.beiqin.warehouse.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Findings;
import org.beiqin.contract.Rule;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.config.WarehouseConfig;

/**
 * ITEM_UNLABELED (储存油桶未标明油品种类 — notice 002；挂上标签，注明名称、规格、数量 — notice 001):
 * an item lacks an attribute its kind requires. New items are refused; imported legacy records
 * are accepted and flagged until the attribute is filled.
 * <p>Resolved when every required attribute is filled ({@code PATCH /items/{id}}). Updated while
 * open when some are filled and others still missing.
 */
@ApplicationScoped
public class ItemUnlabeledRule extends RuleSupport {

    public static final Rule RULE = Rule.ITEM_UNLABELED;

    @Inject
    WarehouseConfig config;

    /** The labelling attributes the item lacks: specification and unit always, plus its kind's. */
    public List<String> missing(Item item) {
        List<String> missing = new ArrayList<>();
        if (blank(item.specification)) {
            missing.add("specification");
        }
        if (blank(item.unit)) {
            missing.add("unit");
        }
        for (String attribute : config.items().requiredAttributes().getOrDefault(item.kind.name(), List.of())) {
            if (item.attributes == null || blank(item.attributes.get(attribute))) {
                missing.add("attributes." + attribute);
            }
        }
        return missing;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void check(Item item) {
        List<String> missing = missing(item);
        String key = findings.key(RULE, item.division, "item", item.id.toString());
        if (missing.isEmpty()) {
            discrepancies.resolve(key, Findings.text("标识信息已补全", "Labelling attributes filled"), Map.of());
            return;
        }
        discrepancies.open(findings.finding(RULE, item.division, "item", item.id.toString(), item.name,
                String.format("物资“%s”标识不全，缺少：%s", item.name,
                        missing.stream().map(m -> label(m, true)).collect(Collectors.joining("、"))),
                String.format("Item \"%s\" is not fully labelled; missing: %s", item.name,
                        missing.stream().map(m -> label(m, false)).collect(Collectors.joining(", "))),
                Map.of("missing", missing, "kind", item.kind.name())));
    }

    /** What the keeper calls a missing attribute: 规格, 计量单位, 燃料类型… (the field's own name if unknown). */
    static String label(String field, boolean chinese) {
        return switch (field) {
            case "specification" -> chinese ? "规格" : "specification";
            case "unit" -> chinese ? "计量单位" : "unit";
            case "attributes.fuelType" -> chinese ? "燃料类型" : "fuel type";
            case "attributes.batteryType" -> chinese ? "电池类型" : "battery type";
            default -> field.startsWith("attributes.") ? field.substring("attributes.".length()) : field;
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
