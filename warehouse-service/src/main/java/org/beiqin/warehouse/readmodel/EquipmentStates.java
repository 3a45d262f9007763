package org.beiqin.warehouse.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.beiqin.warehouse.Equipment;

/** The latest record of each kind in a piece of equipment's history. */
@ApplicationScoped
public class EquipmentStates {

    /**
     * Latest charge reading, check, repair and return from use; any may be null. {@code faultSince}
     * is the first failing check since it last worked (a check found it working, or a repair), so a
     * second failing check does not restart the repair clock; {@code uncheckedSince} is the first
     * return from use since its last check, so a second use does not restart the check clock.
     */
    public record State(Integer lastPercent, Instant lastReadingAt, Boolean lastCheckWorking, Instant lastCheckAt,
            Instant lastRepairAt, Instant lastReturnFromUseAt, Instant faultSince, Instant uncheckedSince) {
    }

    @Inject
    EntityManager em;

    public State of(Equipment equipment) {
        return of(List.of(equipment)).get(equipment.id);
    }

    /** The states of many pieces of equipment, in two queries for all of them. */
    @SuppressWarnings("unchecked")
    public Map<UUID, State> of(Collection<Equipment> equipment) {
        Map<UUID, State> states = new HashMap<>();
        if (equipment.isEmpty()) {
            return states;
        }
        List<UUID> ids = equipment.stream().map(e -> e.id).distinct().toList();
        Map<UUID, Map<String, Object[]>> latest = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT DISTINCT ON (equipment_id, kind) equipment_id, kind, at, percent, working FROM equipment_record
                WHERE equipment_id IN (?1) ORDER BY equipment_id, kind, at DESC, seq DESC""")
                .setParameter(1, ids).getResultList()) {
            latest.computeIfAbsent((UUID) row[0], id -> new HashMap<>()).put((String) row[1], row);
        }
        Map<UUID, Object[]> clocks = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT e.id,
                       (SELECT min(f.at) FROM equipment_record f
                        WHERE f.equipment_id = e.id AND f.kind = 'CHECK' AND NOT f.working
                          AND f.at > coalesce((SELECT max(w.at) FROM equipment_record w WHERE w.equipment_id = e.id
                                AND (w.kind = 'REPAIR' OR w.kind = 'CHECK' AND w.working)), '-infinity')),
                       (SELECT min(u.at) FROM equipment_record u
                        WHERE u.equipment_id = e.id AND u.kind = 'RETURNED_FROM_USE'
                          AND u.at > coalesce((SELECT max(c.at) FROM equipment_record c WHERE c.equipment_id = e.id
                                AND c.kind = 'CHECK'), '-infinity'))
                FROM equipment e WHERE e.id IN (?1)""")
                .setParameter(1, ids).getResultList()) {
            clocks.put((UUID) row[0], row);
        }
        for (Equipment e : equipment) {
            Map<String, Object[]> kinds = latest.getOrDefault(e.id, Map.of());
            Object[] reading = kinds.get("CHARGE_READING");
            Object[] check = kinds.get("CHECK");
            Object[] repair = kinds.get("REPAIR");
            Object[] used = kinds.get("RETURNED_FROM_USE");
            Instant checkAt = check == null ? null : Times.instant(check[2]);
            Object[] clock = clocks.get(e.id);
            Instant faultSince = clock == null ? null : Times.instant(clock[1]);
            if (faultSince == null && e.status == Equipment.Status.FAULTY) {
                // a failing check synced late, dated before the repair that came in first: the status
                // says faulty, so the clock runs from the latest check rather than not at all
                faultSince = checkAt;
            }
            states.put(e.id, new State(reading == null || reading[3] == null ? null : ((Number) reading[3]).intValue(),
                    reading == null ? null : Times.instant(reading[2]), check == null ? null : (Boolean) check[4],
                    checkAt, repair == null ? null : Times.instant(repair[2]),
                    used == null ? null : Times.instant(used[2]), faultSince,
                    clock == null ? null : Times.instant(clock[2])));
        }
        return states;
    }
}
