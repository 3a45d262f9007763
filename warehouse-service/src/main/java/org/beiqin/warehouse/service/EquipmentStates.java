package org.beiqin.warehouse.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.beiqin.warehouse.Equipment;
import org.beiqin.warehouse.rules.Times;

/** The latest record of each kind in a piece of equipment's history. */
@ApplicationScoped
public class EquipmentStates {

    /** Latest charge reading, check, repair and return from use; any may be null. */
    public record State(Integer lastPercent, Instant lastReadingAt, Boolean lastCheckWorking, Instant lastCheckAt,
            Instant lastRepairAt, Instant lastReturnFromUseAt) {
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
        return new State(percent, readingAt, working, checkAt, repairAt, usedAt);
    }
}
