package org.beiqin.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A warehouse checked against the notices' facility findings (notice 002 (三)1, notice 001):
 * stock on the ground floor or with a lift, a clear entrance, dry with no water marks, a door
 * that opens by hand, backup power charged, an extinguisher present and valid.
 */
@Entity
@Table(name = "facility_inspection")
public class FacilityInspection extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Entry order, assigned by the database: breaks ties between inspections of the same day. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "warehouse_id")
    public UUID warehouseId;
    public String division;
    @Column(name = "inspected_on")
    public LocalDate inspectedOn;
    @Column(name = "ground_floor_or_lift")
    public boolean groundFloorOrLift;
    @Column(name = "entrance_clear")
    public boolean entranceClear;
    public boolean dry;
    @Column(name = "manual_door_release")
    public boolean manualDoorRelease;
    @Column(name = "backup_power_charged")
    public boolean backupPowerCharged;
    @Column(name = "extinguisher_present")
    public boolean extinguisherPresent;
    public String notes;
    public String actor;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The checklist items this inspection failed, by their API names. */
    public List<String> failed() {
        List<String> failed = new ArrayList<>();
        if (!groundFloorOrLift) {
            failed.add("groundFloorOrLift");
        }
        if (!entranceClear) {
            failed.add("entranceClear");
        }
        if (!dry) {
            failed.add("dry");
        }
        if (!manualDoorRelease) {
            failed.add("manualDoorRelease");
        }
        if (!backupPowerCharged) {
            failed.add("backupPowerCharged");
        }
        if (!extinguisherPresent) {
            failed.add("extinguisherPresent");
        }
        return failed;
    }
}
