package org.beiqin.rectification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One finding of an item whose findings share a source document (a stocktake's difference on one
 * stock line): its own key, text and open/resolved state.
 */
@Entity
public class ItemLine extends PanacheEntityBase {

    @Id
    @Column(name = "discrepancy_key")
    public String key;
    public UUID itemId;
    public String rule;
    public String severity;
    public String subjectType;
    public String subjectId;
    public String subjectLabel;
    public String summaryZh;
    public String summaryEn;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> evidence;
    public boolean findingOpen;
    public Instant detectedAt;
    public Instant resolvedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> resolution;
    public Instant updatedAt;

    /** The item's lines, open ones first, then by what they are about. */
    public static List<ItemLine> of(UUID itemId) {
        return list("itemId = ?1 ORDER BY findingOpen DESC, subjectLabel, key", itemId);
    }
}
