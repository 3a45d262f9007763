package org.beiqin.gateway;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A refresh token, known only by its SHA-256. Tokens of one sign-in form a family; each use
 * replaces the token, and a replaced one presented again revokes the family.
 */
@Entity
public class RefreshToken extends PanacheEntityBase {

    @Id
    public String tokenHash;
    public UUID userId;
    public UUID family;
    public Instant issuedAt;
    public Instant expiresAt;
    public Instant replacedAt;
    public Instant revokedAt;
}
