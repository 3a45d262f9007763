package org.beiqin.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 整改事项: one per discrepancy key. The finding as the producing service reported it, the six
 * clears (整改目标、责任领导、责任部门、责任人、整改时限; the measures are {@link Measure} rows), the
 * status, and the verification that alone may close it.
 */
@Entity
@Table(name = "rectification_item")
public class RectificationItem extends PanacheEntityBase {

    /** Who verified an item closed when the producing service reported the problem gone. */
    public static final String SYSTEM = "system";

    @Id
    public UUID id;
    @Column(name = "discrepancy_key")
    public String key;
    public String source;
    public String rule;
    public String severity;
    public String division;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public String subjectId;
    @Column(name = "subject_label")
    public String subjectLabel;
    @Column(name = "summary_zh")
    public String summaryZh;
    @Column(name = "summary_en")
    public String summaryEn;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> evidence;
    @Column(name = "first_detected_at")
    public Instant firstDetectedAt;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "finding_open")
    public boolean findingOpen;
    public int recurrences;
    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    public String target;
    @Column(name = "responsible_leader")
    public String responsibleLeader;
    @Column(name = "responsible_department")
    public String responsibleDepartment;
    @Column(name = "responsible_person")
    public String responsiblePerson;
    public LocalDate deadline;

    @Column(name = "verified_by")
    public String verifiedBy;
    @Column(name = "verified_by_name")
    public String verifiedByName;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    @Column(name = "verification_evidence")
    public String verificationEvidence;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> resolution;
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "reminded_for")
    public LocalDate remindedFor;
    @Column(name = "escalated_for")
    public LocalDate escalatedFor;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static RectificationItem byKey(String key) {
        return find("key", key).firstResult();
    }

    public List<Measure> measures() {
        return Measure.list("itemId = ?1 ORDER BY position", id);
    }
}
