package org.beiqin.rectification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One finding of an item whose findings share a source document (a stocktake's difference on one
 * stock line): its own key, text and open/resolved state.
 */
@Entity
@Table(name = "item_line")
public class ItemLine extends PanacheEntityBase {

    @Id
    @Column(name = "discrepancy_key")
    public String key;
    @Column(name = "item_id")
    public UUID itemId;
    public String rule;
    public String severity;
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
    @Column(name = "finding_open")
    public boolean findingOpen;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> resolution;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The item's lines, open ones first, then by what they are about. */
    public static List<ItemLine> of(UUID itemId) {
        return list("itemId = ?1 ORDER BY findingOpen DESC, subjectLabel, key", itemId);
    }
}
