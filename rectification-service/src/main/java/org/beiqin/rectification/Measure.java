package org.beiqin.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 整改措施: what will be done, by whom, by when, and — once done — the evidence. */
@Entity
@Table(name = "rectification_measure")
public class Measure extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
    public int position;
    public String description;
    public String owner;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public MeasureStatus status;
    public String evidence;
    @Column(name = "done_at")
    public Instant doneAt;
    @Column(name = "done_by")
    public String doneBy;
    @Column(name = "reminded_for")
    public LocalDate remindedFor;
    @Column(name = "escalated_for")
    public LocalDate escalatedFor;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
