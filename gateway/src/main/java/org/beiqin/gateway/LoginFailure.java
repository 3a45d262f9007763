package org.beiqin.gateway;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Failed sign-ins under one typed name, kept whether or not the user exists, so a lockout does
 * not reveal which names are real.
 */
@Entity
public class LoginFailure extends PanacheEntityBase {

    /** Lower-cased as typed. */
    @Id
    public String username;
    public int failures;
    public Instant lastFailure;
    public Instant lockedUntil;
}
