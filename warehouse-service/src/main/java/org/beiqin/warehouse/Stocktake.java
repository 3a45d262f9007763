package org.beiqin.warehouse;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "warehouse_id")
    public UUID warehouseId;
    public String division;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String note;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "reconciled_at")
    public Instant reconciledAt;
    @Column(name = "reconciled_by")
    public String reconciledBy;
    @Column(name = "sent_back_at")
    public Instant sentBackAt;
    @Column(name = "sent_back_by")
    public String sentBackBy;
    @Column(name = "sent_back_reason")
    public String sentBackReason;
}
