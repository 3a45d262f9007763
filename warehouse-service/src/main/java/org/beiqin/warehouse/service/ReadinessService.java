package org.beiqin.warehouse.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.files.FileTypes;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.warehouse.Equipment;
import org.beiqin.warehouse.Extinguisher;
import org.beiqin.warehouse.FacilityInspection;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.config.WarehouseConfig;
import org.beiqin.warehouse.readmodel.ExtinguisherStates;
import org.beiqin.warehouse.rules.EquipmentRules;
import org.beiqin.warehouse.rules.FacilityRiskRule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What keepers record about equipment readiness: extinguishers and their checks, inspections,
 * services and scrapping; equipment charge readings, checks, repairs and returns from use;
 * facility inspections. Histories are only appended to; each record re-runs the rules of its subject.
 */
@ApplicationScoped
@Transactional
public class ReadinessService {

    private static final Set<String> PHOTOS = Set.of("image/jpeg", "image/png", "image/webp");

    @Inject
    DrillReferences drills;

    @Inject
    WarehouseService warehouses;
    @Inject
    EquipmentRules rules;
    @Inject
    FacilityRiskRule facilityRisk;
    @Inject
    WarehouseConfig config;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    // ---- extinguishers

    public Extinguisher registerExtinguisher(UUID warehouseId, EquipmentCommands.RegisterExtinguisher command) {
        Warehouse warehouse = warehouses.writable(warehouseId);
        requireLabelFree(Extinguisher.count("warehouseId = ?1 and label = ?2", warehouse.id, command.label().strip()),
                command.label());
        Extinguisher e = new Extinguisher();
        e.id = UUID.randomUUID();
        e.warehouseId = warehouse.id;
        e.division = warehouse.division;
        e.label = command.label().strip();
        e.agent = command.agent();
        e.capacity = command.capacity();
        e.manufacturedOn = command.manufacturedOn();
        e.location = command.location();
        e.status = Extinguisher.Status.IN_SERVICE;
        e.registeredAt = clock.instant();
        e.registeredBy = caller.name();
        e.persist();
        rules.check(e);
        return e;
    }

    /** The warehouse's extinguishers by label: 404 when the caller may not see the warehouse. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Extinguisher> extinguishersOf(UUID warehouseId) {
        return Extinguisher.list("warehouseId = ?1 order by label", warehouses.visible(warehouseId).id);
    }

    /** The warehouse's battery-powered and other equipment by kind and label: 404 when the caller may not see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Equipment> equipmentOf(UUID warehouseId) {
        return Equipment.list("warehouseId = ?1 order by kind, label", warehouses.visible(warehouseId).id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Extinguisher extinguisher(UUID id) {
        Extinguisher e = Extinguisher.findById(id);
        return caller.visibleOr404(e, e == null ? null : e.division, "灭火器", id);
    }

    public Extinguisher monthlyCheck(UUID id, EquipmentCommands.MonthlyCheck c) {
        Extinguisher e = lockedExtinguisher(id, Extinguisher.Status.IN_SERVICE);
        boolean passed = c.sealIntact() && c.gaugeInRange() && c.undamaged() && c.accessible();
        record(e, ExtinguisherStates.RecordKind.MONTHLY_CHECK, c.onDate(), passed, Map.of("sealIntact", c.sealIntact(),
                "gaugeInRange", c.gaugeInRange(), "undamaged", c.undamaged(), "accessible", c.accessible(),
                "notes", c.notes() == null ? "" : c.notes()));
        rules.check(e);
        return e;
    }

    public Extinguisher annualInspection(UUID id, EquipmentCommands.AnnualInspection c) {
        Extinguisher e = lockedExtinguisher(id, Extinguisher.Status.IN_SERVICE);
        record(e, ExtinguisherStates.RecordKind.ANNUAL_INSPECTION, c.onDate(), c.passed(),
                Map.of("inspector", c.inspector(), "notes", c.notes() == null ? "" : c.notes()));
        rules.check(e);
        return e;
    }

    /**
     * GB 50444-2008 §5.3.1: no more than a quarter of a unit's extinguishers may be away for
     * service at once — a warehouse with fewer than four needs a replacement before sending one.
     */
    public Extinguisher sendForService(UUID id, EquipmentCommands.SendForService c) {
        Extinguisher e = lockedExtinguisher(id, Extinguisher.Status.IN_SERVICE);
        // lock the warehouse's extinguishers so two send-offs cannot both pass the count
        List<Extinguisher> unit = em.createQuery("from Extinguisher where warehouseId = :w and status <> :s",
                Extinguisher.class).setParameter("w", e.warehouseId).setParameter("s", Extinguisher.Status.SCRAPPED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        long away = unit.stream().filter(x -> x.status == Extinguisher.Status.AWAY).count();
        int allowed = (int) Math.floor(unit.size() * config.equipment().maxShareAwayForService());
        if (away + 1 > allowed) {
            throw new ProblemException(409, "too-many-away", List.of(),
                    Map.of("inService", unit.size(), "away", away, "allowed", allowed), unit.size(), away, allowed);
        }
        record(e, ExtinguisherStates.RecordKind.SENT_FOR_SERVICE, c.onDate(), null,
                Map.of("serviceProvider", c.serviceProvider()));
        e.status = Extinguisher.Status.AWAY;
        rules.check(e);
        return e;
    }

    public Extinguisher returnFromService(UUID id, EquipmentCommands.ReturnFromService c) {
        Extinguisher e = lockedExtinguisher(id, Extinguisher.Status.AWAY);
        record(e, ExtinguisherStates.RecordKind.RETURNED_FROM_SERVICE, c.onDate(), c.passed(),
                Map.of("notes", c.notes() == null ? "" : c.notes()));
        e.status = Extinguisher.Status.IN_SERVICE;
        rules.check(e);
        return e;
    }

    public Extinguisher scrapExtinguisher(UUID id, EquipmentCommands.Scrap c) {
        Extinguisher e = extinguisher(id);
        e = em.find(Extinguisher.class, e.id, LockModeType.PESSIMISTIC_WRITE);
        if (e.status == Extinguisher.Status.SCRAPPED) {
            throw ProblemException.conflict("already-scrapped", e.label);
        }
        record(e, ExtinguisherStates.RecordKind.SCRAPPED, c.onDate(), null, Map.of("reason", c.reason()));
        e.status = Extinguisher.Status.SCRAPPED;
        rules.check(e);
        return e;
    }

    private Extinguisher lockedExtinguisher(UUID id, Extinguisher.Status required) {
        Extinguisher e = em.find(Extinguisher.class, extinguisher(id).id, LockModeType.PESSIMISTIC_WRITE);
        if (e.status != required) {
            throw ProblemException.conflict("extinguisher-status", e.label, e.status.name(), required.name());
        }
        return e;
    }

    private void record(Extinguisher e, ExtinguisherStates.RecordKind kind, LocalDate onDate, Boolean passed,
            Map<String, Object> details) {
        if (onDate.isBefore(e.manufacturedOn)) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("onDate", "date.before-manufacture")));
        }
        try {
            em.createNativeQuery("""
                    INSERT INTO extinguisher_record (id, extinguisher_id, kind, on_date, passed, details, actor, recorded_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), ?7, ?8)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, e.id).setParameter(3, kind.name())
                    .setParameter(4, onDate).setParameter(5, passed).setParameter(6, json.writeValueAsString(details))
                    .setParameter(7, caller.name()).setParameter(8, clock.instant()).executeUpdate();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    // ---- equipment

    public Equipment registerEquipment(UUID warehouseId, EquipmentCommands.RegisterEquipment command) {
        Warehouse warehouse = warehouses.writable(warehouseId);
        requireLabelFree(Equipment.count("warehouseId = ?1 and label = ?2", warehouse.id, command.label().strip()),
                command.label());
        Equipment e = new Equipment();
        e.id = UUID.randomUUID();
        e.warehouseId = warehouse.id;
        e.division = warehouse.division;
        e.kind = command.kind();
        e.label = command.label().strip();
        e.batteryPowered = command.batteryPowered() != null ? command.batteryPowered() : command.kind().batteryByDefault;
        e.status = Equipment.Status.WORKING;
        e.registeredAt = clock.instant();
        e.registeredBy = caller.name();
        e.persist();
        rules.check(e);
        return e;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Equipment equipment(UUID id) {
        Equipment e = Equipment.findById(id);
        return caller.visibleOr404(e, e == null ? null : e.division, "装备", id);
    }

    public Equipment chargeReading(UUID id, EquipmentCommands.ChargeReading c) {
        Equipment e = lockedEquipment(id);
        if (!e.batteryPowered) {
            throw ProblemException.unprocessable("not-battery-powered", e.label);
        }
        if ((c.percent() == null) == (c.charged() == null)) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("percent", "charge.percent-or-charged")));
        }
        int percent = c.percent() != null ? c.percent() : (c.charged() ? 100 : 0);
        equipmentRecord(e, "CHARGE_READING", c.at(), percent, null, c.percent() != null ? null
                : (c.charged() ? "已充满" : "未充电"), null);
        rules.check(e);
        return e;
    }

    public Equipment check(UUID id, EquipmentCommands.Check c) {
        Equipment e = lockedEquipment(id);
        equipmentRecord(e, "CHECK", c.at(), null, c.working(), c.notes(), null);
        if (!c.working()) {
            e.status = Equipment.Status.FAULTY;
        } else if (e.status == Equipment.Status.FAULTY) {
            e.status = Equipment.Status.WORKING;
        }
        rules.check(e);
        return e;
    }

    public Equipment repair(UUID id, EquipmentCommands.Repair c) {
        Equipment e = lockedEquipment(id);
        if (e.status != Equipment.Status.FAULTY) {
            throw ProblemException.conflict("not-faulty", e.label);
        }
        equipmentRecord(e, "REPAIR", c.at(), null, true, c.notes(), null);
        e.status = Equipment.Status.WORKING;
        rules.check(e);
        return e;
    }

    public Equipment scrapEquipment(UUID id, EquipmentCommands.Scrap c) {
        Equipment e = lockedEquipment(id);
        equipmentRecord(e, "SCRAP", null, null, null, c.reason(), null);
        e.status = Equipment.Status.SCRAPPED;
        rules.check(e);
        return e;
    }

    public Equipment returnedFromUse(UUID id, EquipmentCommands.ReturnedFromUse c) {
        Equipment e = lockedEquipment(id);
        drills.requireUsable(c.reference().type(), c.reference().id(), Warehouse.findById(e.warehouseId),
                c.at() == null ? clock.instant() : c.at(), "reference.id");
        equipmentRecord(e, "RETURNED_FROM_USE", c.at(), null, null, null, c.reference());
        rules.check(e);
        return e;
    }

    private Equipment lockedEquipment(UUID id) {
        Equipment e = em.find(Equipment.class, equipment(id).id, LockModeType.PESSIMISTIC_WRITE);
        if (e.status == Equipment.Status.SCRAPPED) {
            throw ProblemException.conflict("already-scrapped", e.label);
        }
        return e;
    }

    private void equipmentRecord(Equipment e, String kind, Instant at, Integer percent, Boolean working, String notes,
            Commands.Reference reference) {
        Instant now = clock.instant();
        em.createNativeQuery("""
                INSERT INTO equipment_record (id, equipment_id, kind, at, percent, working, notes, reference_type,
                                              reference_id, actor, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, e.id).setParameter(3, kind)
                .setParameter(4, at == null ? now : at).setParameter(5, percent).setParameter(6, working)
                .setParameter(7, notes).setParameter(8, reference == null ? null : reference.type())
                .setParameter(9, reference == null ? null : reference.id()).setParameter(10, caller.name())
                .setParameter(11, now).executeUpdate();
    }

    /** Labels are what keepers read on the shelf: one per warehouse (the table's unique key backs it). */
    private static void requireLabelFree(long taken, String label) {
        if (taken > 0) {
            throw ProblemException.conflict("label-taken", label);
        }
    }

    // ---- facility inspections

    public FacilityInspection inspect(UUID warehouseId, EquipmentCommands.FacilityCheck c) {
        Warehouse warehouse = warehouses.writable(warehouseId);
        FacilityInspection i = new FacilityInspection();
        i.id = UUID.randomUUID();
        i.warehouseId = warehouse.id;
        i.division = warehouse.division;
        i.inspectedOn = c.inspectedOn();
        i.groundFloorOrLift = c.groundFloorOrLift();
        i.entranceClear = c.entranceClear();
        i.dry = c.dry();
        i.manualDoorRelease = c.manualDoorRelease();
        i.backupPowerCharged = c.backupPowerCharged();
        i.extinguisherPresent = c.extinguisherPresent();
        i.notes = c.notes();
        i.actor = caller.name();
        i.recordedAt = clock.instant();
        i.persist();
        // An inspection entered late, dated before the newest one on record, does not overrule it.
        boolean newer = FacilityInspection.count("warehouseId = ?1 and id <> ?2 and inspectedOn > ?3", warehouse.id,
                i.id, i.inspectedOn) > 0;
        if (!newer) {
            facilityRisk.inspected(warehouse, i);
        }
        return i;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FacilityInspection inspection(UUID id) {
        FacilityInspection i = FacilityInspection.findById(id);
        return caller.visibleOr404(i, i == null ? null : i.division, "设施检查", id);
    }

    /** Attaches a photo after checking its size and that its bytes are the image type it claims. */
    public UUID addPhoto(UUID inspectionId, String contentType, byte[] content) {
        FacilityInspection inspection = inspection(inspectionId);
        caller.requireCovers(inspection.division);
        if (content == null || content.length == 0) {
            throw ProblemException.unprocessable("photo-empty");
        }
        if (content.length > config.equipment().maxPhotoBytes()) {
            throw new ProblemException(413, "photo-too-large", config.equipment().maxPhotoBytes() / (1024 * 1024));
        }
        if (!PHOTOS.contains(FileTypes.base(contentType)) || !FileTypes.matches(contentType, content)) {
            throw new ProblemException(415, "photo-type", contentType);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO inspection_photo (id, inspection_id, content_type, size_bytes, content, uploaded_by, uploaded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, id).setParameter(2, inspection.id).setParameter(3, FileTypes.base(contentType))
                .setParameter(4, content.length).setParameter(5, content).setParameter(6, caller.name())
                .setParameter(7, clock.instant()).executeUpdate();
        return id;
    }
}
