package org.beiqin.rectification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One thing that happened to an item, kept in order and never changed. */
@Entity
@Immutable
@Table(name = "item_history")
public class HistoryEntry extends PanacheEntityBase {

    public enum Kind {
        OPENED, REOPENED, FINDING_UPDATED, LINE_OPENED, VERIFIED_BY_SYSTEM, PLAN_CHANGED, MEASURE_ADDED, MEASURE_CHANGED,
        STATUS_CHANGED, SIGNED_OFF, REMINDED, ESCALATED, EVIDENCE_ADDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public UUID itemId;
    public Instant at;
    public String actor;
    public String actorName;
    public String kind;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;
}
