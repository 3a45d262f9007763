package org.beiqin.warehouse.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.OrderingMode;
import org.hibernate.ReadOnlyMode;
import org.hibernate.Session;
import org.hibernate.SessionCheckMode;

import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;

/**
 * What a list's views name besides their own rows — items, zones, warehouses — read in one query
 * per kind for the whole list, never one per row (a 10,000-line stocktake names thousands of items).
 */
@ApplicationScoped
public class Lookups {

    @Inject
    EntityManager em;

    /**
     * Items read for naming and judging, never for changing: they are loaded read-only, so a list of
     * thousands keeps no snapshot of each item's attributes and costs nothing at flush. A change
     * made to one of them in the same transaction would not be written.
     */
    public Map<UUID, Item> items(Collection<UUID> ids) {
        return byId(ids, Item.class, i -> i.id, true);
    }

    /** Movements read for naming and judging (the issues of open loans), never for changing: loaded read-only. */
    public Map<UUID, Movement> movements(Collection<UUID> ids) {
        return byId(ids, Movement.class, m -> m.id, true);
    }

    public Map<UUID, StorageZone> zones(Collection<UUID> ids) {
        return byId(ids, StorageZone.class, z -> z.id, false);
    }

    public Map<UUID, Warehouse> warehouses(Collection<UUID> ids) {
        return byId(ids, Warehouse.class, w -> w.id, false);
    }

    /** Each warehouse's zones, by category and name; a warehouse without zones maps to an empty list. */
    public Map<UUID, List<StorageZone>> zonesOf(Collection<UUID> warehouseIds) {
        Map<UUID, List<StorageZone>> zones = new LinkedHashMap<>();
        warehouseIds.forEach(id -> zones.put(id, new ArrayList<>()));
        if (!warehouseIds.isEmpty()) {
            StorageZone.<StorageZone>list("warehouseId in ?1 order by category, name", distinct(warehouseIds))
                    .forEach(z -> zones.get(z.warehouseId).add(z));
        }
        return zones;
    }

    /**
     * Loads a receipt's warehouse and item and the zone it goes to by default (the first, by name,
     * of the item's category) in one query, into the transaction's persistence context, where the
     * checks that follow find them without a query each. Returns that zone, or null when the
     * warehouse has none of the category or the warehouse or the item does not exist (the checks
     * then answer as they always do). Nothing is judged here: what the caller may see is not.
     */
    public StorageZone loadForReceipt(UUID warehouseId, UUID itemId) {
        List<Object[]> rows = em.createQuery("""
                select w, i, z from Warehouse w cross join Item i
                left join StorageZone z on z.warehouseId = w.id and z.category = i.category
                where w.id = :warehouse and i.id = :item order by z.name""", Object[].class)
                .setParameter("warehouse", warehouseId).setParameter("item", itemId).setMaxResults(1).getResultList();
        return rows.isEmpty() ? null : (StorageZone) rows.get(0)[2];
    }

    /**
     * Hibernate's multi-load: one query with the ids as a single array parameter ({@code id = any(?)}),
     * so a list of 10,000 ids is neither 10,000 bind parameters to render and parse nor a new
     * statement for each length; entities the transaction already holds are taken from it.
     */
    private <E> Map<UUID, E> byId(Collection<UUID> ids, Class<E> type, Function<E, UUID> id, boolean readOnly) {
        List<UUID> wanted = distinct(ids);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<E> found = em.unwrap(Session.class).findMultiple(type, wanted, SessionCheckMode.ENABLED,
                OrderingMode.UNORDERED, readOnly ? ReadOnlyMode.READ_ONLY : ReadOnlyMode.READ_WRITE);
        Map<UUID, E> byId = new HashMap<>(found.size() * 2);
        found.stream().filter(Objects::nonNull).forEach(e -> byId.put(id.apply(e), e));
        return byId;
    }

    private static List<UUID> distinct(Collection<UUID> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }
}
