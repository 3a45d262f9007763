package org.beiqin.warehouse;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A count of a warehouse's shelves (盘点): opened, counted line by line, submitted, reconciled. */
@Entity
public class Stocktake extends PanacheEntityBase {

    public enum Status {
        OPEN, SUBMITTED, RECONCILED
    }

    @Id
    public UUID id;
    public UUID warehouseId;
    public String division;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String note;
    public Instant openedAt;
    public String openedBy;
    public Instant submittedAt;
    public String submittedBy;
    public Instant reconciledAt;
    public String reconciledBy;
    public Instant sentBackAt;
    public String sentBackBy;
    public String sentBackReason;
}
