package org.beiqin.gateway;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person who signs in: a keeper, a duty officer, the county office, an administrator. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;
    public String username;
    public String displayName;
    /** bcrypt in Modular Crypt Format; the password itself is never stored. */
    public String passwordHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] roles;
    /** Statistical division code: what the user may see and change (by prefix). */
    public String division;
    public String phone;
    public boolean active;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public int version;

    public Set<String> roleSet() {
        return new TreeSet<>(Arrays.asList(roles));
    }

    public static Optional<User> byUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResultOptional();
    }
}
