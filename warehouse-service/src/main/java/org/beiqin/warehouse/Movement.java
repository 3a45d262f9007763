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
    @Column(name = "warehouse_id")
    public UUID warehouseId;
    public String division;
    @Enumerated(EnumType.STRING)
    public MovementType type;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "zone_id")
    public UUID zoneId;
    public String lot = "";
    /** How much moved, always positive. */
    public BigDecimal quantity;
    /** The signed change to the balance: negative for what left, zero for a write-off. */
    public BigDecimal delta;
    public String reason;
    public String actor;
    @Column(name = "actor_id")
    public String actorId;
    /** When it happened (an offline client may send it later). */
    @Column(name = "occurred_at")
    public Instant occurredAt;
    /** When the ledger received it. */
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recipient_name")
    public String recipientName;
    @Column(name = "recipient_phone")
    public String recipientPhone;
    @Column(name = "due_back")
    public LocalDate dueBack;
    @Column(name = "reference_type")
    public String referenceType;
    @Column(name = "reference_id")
    public String referenceId;
    @Column(name = "issue_id")
    public UUID issueId;
    @Column(name = "reverses_id")
    public UUID reversesId;
    @Column(name = "transfer_id")
    public UUID transferId;
    @Column(name = "stocktake_id")
    public UUID stocktakeId;
}
