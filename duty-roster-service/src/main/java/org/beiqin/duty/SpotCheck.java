package org.beiqin.duty;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 查岗: a check sent to whoever is on duty, to be acknowledged within a time limit. */
@Entity
@Table(name = "spot_check")
public class SpotCheck extends PanacheEntityBase {

    @Id
    public UUID id;
    public String division;
    @Column(name = "shift_id")
    public UUID shiftId;
    @Column(name = "escalated_from")
    public UUID escalatedFrom;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "sent_by")
    public String sentBy;
    @Column(name = "respond_by")
    public Instant respondBy;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
}
