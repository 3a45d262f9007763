package org.beiqin.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One ledger line. Never edited, never deleted: the table refuses UPDATE and DELETE, and a
 * mistake is undone by a {@link MovementType#REVERSAL} that points at it.
 */
@Entity
@Immutable
public class Movement extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Posting order, assigned by the database (read back on queries; not set on a fresh posting). */
    @Column(insertable = false, updatable = false)
    public Long seq;
    public UUID warehouseId;
    public String division;
    @Enumerated(EnumType.STRING)
    public MovementType type;
    public UUID itemId;
    public UUID zoneId;
    public String lot = "";
    /** How much moved, always positive. */
    public BigDecimal quantity;
    /** The signed change to the balance: negative for what left, zero for a write-off. */
    public BigDecimal delta;
    public String reason;
    public String actor;
    public String actorId;
    /** When it happened (an offline client may send it later). */
    public Instant occurredAt;
    /** When the ledger received it. */
    public Instant recordedAt;
    public String recipientName;
    public String recipientPhone;
    public LocalDate dueBack;
    public String referenceType;
    public String referenceId;
    public UUID issueId;
    public UUID reversesId;
    public UUID transferId;
    public UUID stocktakeId;
}
