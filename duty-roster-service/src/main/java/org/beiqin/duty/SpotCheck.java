package org.beiqin.duty;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 查岗: a check sent to whoever is on duty, to be acknowledged within a time limit. */
@Entity
public class SpotCheck extends PanacheEntityBase {

    @Id
    public UUID id;
    public String division;
    public UUID shiftId;
    public UUID escalatedFrom;
    public Instant sentAt;
    public String sentBy;
    public Instant respondBy;
    public Instant acknowledgedAt;
    public Instant escalatedAt;
}
