package org.beiqin.duty;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who changed a team, a member or a shift, when, and what it was before and after. */
@Entity
@Immutable
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public String subject;
    public UUID subjectId;
    public String division;
    public String action;
    public String actor;
    public String actorName;
    public Instant at;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> before;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> after;
}
