package org.beiqin.warehouse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A township or village emergency warehouse (应急物资仓库/储备点) and its facility attributes. */
@Entity
public class Warehouse extends PanacheEntityBase {

    @Id
    public UUID id;
    public String division;
    public String name;
    public String address;
    /** Storey the stock is kept on; 1 is the ground floor. */
    public Integer floor;
    public Boolean hasLift;
    public Boolean entranceClear;
    public Boolean manualDoorRelease;
    public Boolean backupPower;
    public Instant createdAt;
    public String createdBy;

    public static List<Warehouse> inDivision(String prefix) {
        return list("division like ?1 order by division, name", prefix + "%");
    }
}
