package org.beiqin.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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
    public UUID itemId;
    public int position;
    public String description;
    public String owner;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public MeasureStatus status;
    public String evidence;
    public Instant doneAt;
    public String doneBy;
    public LocalDate remindedFor;
    public LocalDate escalatedFor;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public int version;
}
