package org.beiqin.duty;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stretch of duty and the coverage it needs at every moment (flood season: 1 leader, 2 staff). */
@Entity
public class DutyPeriod extends PanacheEntityBase {

    @Id
    public UUID id;
    public String division;
    public String name;
    public Instant startsAt;
    public Instant endsAt;
    public int minLeaders;
    public int minStaff;
    public Instant createdAt;
}
