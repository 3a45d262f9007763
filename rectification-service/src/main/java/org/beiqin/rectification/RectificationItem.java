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
    public String subjectType;
    public String subjectId;
    public String subjectLabel;
    public String summaryZh;
    public String summaryEn;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> evidence;
    public Instant firstDetectedAt;
    public Instant detectedAt;
    public boolean findingOpen;
    public int recurrences;
    /** Lines of a source document's item (0 for an item of one finding), and how many are open. */
    public int lineCount;
    public int openLineCount;
    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    public String target;
    public String responsibleLeader;
    public String responsibleDepartment;
    public String responsiblePerson;
    public LocalDate deadline;

    public String verifiedBy;
    public String verifiedByName;
    public Instant verifiedAt;
    public String verificationEvidence;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> resolution;
    public Instant closedAt;

    public LocalDate remindedFor;
    public LocalDate escalatedFor;
    public Instant createdAt;
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
