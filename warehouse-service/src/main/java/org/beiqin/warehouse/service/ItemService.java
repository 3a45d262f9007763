package org.beiqin.warehouse.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.rules.ItemUnlabeledRule;

/** The item catalogue. New items must be fully labelled; imported ones are flagged until they are. */
@ApplicationScoped
@Transactional
public class ItemService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    ItemUnlabeledRule unlabeled;

    public Item create(Commands.CreateItem command) {
        Item item = build(command, false);
        List<String> missing = unlabeled.missing(item);
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing.stream()
                    .map(field -> new ProblemException.FieldError(field, "item.attribute-required", item.kind.name()))
                    .toList());
        }
        item.persist();
        return item;
    }

    /** Legacy records from an older ledger: accepted as they are, each one lacking labels flagged. */
    public List<Item> importLegacy(List<Commands.CreateItem> commands) {
        return commands.stream().map(command -> {
            Item item = build(command, true);
            item.persist();
            unlabeled.check(item);
            return item;
        }).toList();
    }

    public Item update(UUID id, Commands.UpdateItem command) {
        Item item = visible(id);
        caller.requireCovers(item.division);
        if (command.specification() != null) {
            item.specification = command.specification().strip();
        }
        if (command.unit() != null) {
            item.unit = command.unit().strip();
        }
        if (command.attributes() != null) {
            HashMap<String, String> attributes = new HashMap<>(item.attributes);
            attributes.putAll(command.attributes());
            item.attributes = attributes;
        }
        List<String> missing = unlabeled.missing(item);
        if (!item.imported && !missing.isEmpty()) {
            throw ProblemException.invalid(missing.stream()
                    .map(field -> new ProblemException.FieldError(field, "item.attribute-required", item.kind.name()))
                    .toList());
        }
        item.updatedAt = clock.instant();
        unlabeled.check(item);
        return item;
    }

    /** Items the caller may see: its own division's and those of the divisions above it (county catalogue). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Item visible(UUID id) {
        return seen(Item.findById(id), id);
    }

    /** The item if the caller may see it (their area's, or a level above theirs), else 404. */
    private Item seen(Item item, UUID id) {
        if (item == null || !(caller.covers(item.division) || caller.division().startsWith(item.division))) {
            throw ProblemException.notFound("物资", id);
        }
        return item;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Item> list() {
        String scope = caller.division();
        return Item.list("?1 like concat(division, '%') or division like ?2 order by name", scope, scope + "%");
    }

    /** An item a warehouse may stock: visible to the caller and defined at or above the warehouse's division. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Item usableIn(UUID itemId, Warehouse warehouse) {
        return usable(Item.findById(itemId), itemId, warehouse);
    }

    /**
     * An item read beforehand (by {@code Lookups.items}, one query for many; null when there is
     * none), checked as {@link #usableIn(UUID, Warehouse)} checks one: 404 when the caller may not
     * see it, 422 when it is not for this warehouse's division.
     */
    public Item usable(Item item, UUID itemId, Warehouse warehouse) {
        seen(item, itemId);
        if (!item.usableIn(warehouse.division)) {
            throw ProblemException.unprocessable("item-not-in-division", item.name, warehouse.name);
        }
        return item;
    }

    private Item build(Commands.CreateItem command, boolean imported) {
        caller.requireCovers(command.division());
        Item item = new Item();
        item.id = UUID.randomUUID();
        item.division = command.division();
        item.name = command.name().strip();
        item.category = command.category();
        item.kind = command.kind();
        item.specification = command.specification() == null ? null : command.specification().strip();
        item.unit = command.unit() == null ? null : command.unit().strip();
        item.attributes = command.attributes() == null ? new HashMap<>() : new HashMap<>(command.attributes());
        item.imported = imported;
        item.createdAt = clock.instant();
        item.updatedAt = item.createdAt;
        item.createdBy = caller.name();
        return item;
    }
}
