package org.beiqin.drill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 总结评估: the after-action report of a conducted drill. */
@Entity
public class Evaluation extends PanacheEntityBase {

    @Id
    @Column(name = "drill_id")
    public UUID drillId;
    @Column(name = "evaluated_on")
    public LocalDate evaluatedOn;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Parts.Rating> ratings;
    public String strengths;
    public String improvements;
    @Column(name = "evaluated_by")
    public String evaluatedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
