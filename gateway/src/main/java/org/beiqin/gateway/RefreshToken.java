package org.beiqin.gateway;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A refresh token, known only by its SHA-256. Tokens of one sign-in form a family; each use
 * replaces the token, and a replaced one presented again revokes the family.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "user_id")
    public UUID userId;
    public UUID family;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "replaced_at")
    public Instant replacedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
