package org.beiqin.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A warehouse checked against the notices' facility findings (notice 002 (三)1, notice 001):
 * stock on the ground floor or with a lift, a clear entrance, dry with no water marks, a door
 * that opens by hand, backup power charged, an extinguisher present and valid.
 */
@Entity
public class FacilityInspection extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Entry order, assigned by the database: breaks ties between inspections of the same day. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    public UUID warehouseId;
    public String division;
    public LocalDate inspectedOn;
    public boolean groundFloorOrLift;
    public boolean entranceClear;
    public boolean dry;
    public boolean manualDoorRelease;
    public boolean backupPowerCharged;
    public boolean extinguisherPresent;
    public String notes;
    public String actor;
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
