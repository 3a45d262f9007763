package org.beiqin.gateway;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Failed sign-ins under one typed name, kept whether or not the user exists, so a lockout does
 * not reveal which names are real.
 */
@Entity
@Table(name = "login_failure")
public class LoginFailure extends PanacheEntityBase {

    /** Lower-cased as typed. */
    @Id
    public String username;
    public int failures;
    @Column(name = "last_failure")
    public Instant lastFailure;
    @Column(name = "locked_until")
    public Instant lockedUntil;
}
