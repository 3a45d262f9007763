package org.beiqin.warehouse.readmodel;

import java.time.Instant;
import java.util.List;

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

    @SuppressWarnings("unchecked")
    public State of(Equipment equipment) {
        Integer percent = null;
        Boolean working = null;
        Instant readingAt = null;
        Instant checkAt = null;
        Instant repairAt = null;
        Instant usedAt = null;
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                SELECT DISTINCT ON (kind) kind, at, percent, working FROM equipment_record
                WHERE equipment_id = ?1 ORDER BY kind, at DESC, seq DESC""")
                .setParameter(1, equipment.id).getResultList()) {
            Instant at = Times.instant(row[1]);
            switch ((String) row[0]) {
                case "CHARGE_READING" -> {
                    readingAt = at;
                    percent = row[2] == null ? null : ((Number) row[2]).intValue();
                }
                case "CHECK" -> {
                    checkAt = at;
                    working = (Boolean) row[3];
                }
                case "REPAIR" -> repairAt = at;
                case "RETURNED_FROM_USE" -> usedAt = at;
                default -> {
                }
            }
        }
        Object[] clocks = (Object[]) em.createNativeQuery("""
                SELECT (SELECT min(f.at) FROM equipment_record f
                        WHERE f.equipment_id = ?1 AND f.kind = 'CHECK' AND NOT f.working
                          AND f.at > coalesce((SELECT max(w.at) FROM equipment_record w WHERE w.equipment_id = ?1
                                AND (w.kind = 'REPAIR' OR w.kind = 'CHECK' AND w.working)), '-infinity')),
                       (SELECT min(u.at) FROM equipment_record u
                        WHERE u.equipment_id = ?1 AND u.kind = 'RETURNED_FROM_USE'
                          AND u.at > coalesce((SELECT max(c.at) FROM equipment_record c WHERE c.equipment_id = ?1
                                AND c.kind = 'CHECK'), '-infinity'))""")
                .setParameter(1, equipment.id).getSingleResult();
        Instant faultSince = Times.instant(clocks[0]);
        if (faultSince == null && equipment.status == Equipment.Status.FAULTY) {
            // a failing check synced late, dated before the repair that came in first: the status
            // says faulty, so the clock runs from the latest check rather than not at all
            faultSince = checkAt;
        }
        return new State(percent, readingAt, working, checkAt, repairAt, usedAt, faultSince,
                Times.instant(clocks[1]));
    }
}
