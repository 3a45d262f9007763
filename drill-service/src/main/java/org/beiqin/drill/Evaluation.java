package org.beiqin.drill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 总结评估: the after-action report of a conducted drill. */
@Entity
public class Evaluation extends PanacheEntityBase {

    @Id
    public UUID drillId;
    public LocalDate evaluatedOn;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Parts.Rating> ratings;
    public String strengths;
    public String improvements;
    public String evaluatedBy;
    public Instant recordedAt;
}
