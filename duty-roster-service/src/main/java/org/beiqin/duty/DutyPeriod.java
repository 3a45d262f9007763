package org.beiqin.duty;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stretch of duty and the coverage it needs at every moment (flood season: 1 leader, 2 staff). */
@Entity
@Table(name = "duty_period")
public class DutyPeriod extends PanacheEntityBase {

    @Id
    public UUID id;
    public String division;
    public String name;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "min_leaders")
    public int minLeaders;
    @Column(name = "min_staff")
    public int minStaff;
    @Column(name = "created_at")
    public Instant createdAt;
}
