package org.beiqin.warehouse.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.warehouse.Category;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.rules.WarehouseRules;

/** Warehouses, their zones and their stock standards, within the caller's division. */
@ApplicationScoped
@Transactional
public class WarehouseService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    WarehouseRules rules;

    public Warehouse create(Commands.CreateWarehouse command) {
        caller.requireCovers(command.division());
        Warehouse warehouse = new Warehouse();
        warehouse.id = UUID.randomUUID();
        warehouse.division = command.division();
        warehouse.name = command.name().strip();
        warehouse.address = command.address();
        warehouse.floor = command.floor();
        warehouse.hasLift = command.hasLift();
        warehouse.entranceClear = command.entranceClear();
        warehouse.manualDoorRelease = command.manualDoorRelease();
        warehouse.backupPower = command.backupPower();
        warehouse.createdAt = clock.instant();
        warehouse.createdBy = caller.name();
        warehouse.persist();
        List<Commands.Zone> zones = command.zones() == null || command.zones().isEmpty() ? defaultZones()
                : command.zones();
        Set<String> names = new HashSet<>();
        for (Commands.Zone zone : zones) {
            if (!names.add(zone.name().strip())) {
                throw ProblemException.unprocessable("zone-duplicate", zone.name());
            }
            addZone(warehouse, zone);
        }
        return warehouse;
    }

    public StorageZone addZone(UUID warehouseId, Commands.Zone command) {
        Warehouse warehouse = writable(warehouseId);
        if (StorageZone.count("warehouseId = ?1 and name = ?2", warehouseId, command.name().strip()) > 0) {
            throw ProblemException.conflict("zone-duplicate", command.name());
        }
        return addZone(warehouse, command);
    }

    private StorageZone addZone(Warehouse warehouse, Commands.Zone command) {
        StorageZone zone = new StorageZone();
        zone.id = UUID.randomUUID();
        zone.warehouseId = warehouse.id;
        zone.name = command.name().strip();
        zone.category = command.category();
        zone.persist();
        return zone;
    }

    private static List<Commands.Zone> defaultZones() {
        List<Commands.Zone> zones = new ArrayList<>();
        for (Category category : Category.values()) {
            zones.add(new Commands.Zone(category.zh + "物资区", category));
        }
        return zones;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Warehouse visible(UUID id) {
        Warehouse warehouse = Warehouse.findById(id);
        return caller.visibleOr404(warehouse, warehouse == null ? null : warehouse.division, "仓库", id);
    }

    /** A warehouse the caller may write to: 404 if they cannot see it at all. */
    public Warehouse writable(UUID id) {
        return visible(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Warehouse> list(String division) {
        String scope = division == null || division.isBlank() ? caller.division() : division;
        caller.requireCovers(scope);
        return Warehouse.inDivision(scope);
    }

    public void setStandard(UUID warehouseId, UUID itemId, Commands.SetStandard command, ItemService items) {
        Warehouse warehouse = writable(warehouseId);
        Item item = items.usableIn(itemId, warehouse);
        em.createNativeQuery("""
                INSERT INTO stock_standard (warehouse_id, item_id, minimum, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (warehouse_id, item_id)
                DO UPDATE SET minimum = EXCLUDED.minimum, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at""")
                .setParameter(1, warehouse.id).setParameter(2, item.id).setParameter(3, command.minimum())
                .setParameter(4, caller.name()).setParameter(5, clock.instant()).executeUpdate();
        rules.belowStandard().check(warehouse, item);
    }
}
