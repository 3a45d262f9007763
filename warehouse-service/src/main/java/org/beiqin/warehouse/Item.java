package org.beiqin.warehouse;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A catalogue entry: what is stocked, how it is counted and labelled. */
@Entity
public class Item extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Where the entry was defined; a county's entries serve all its townships. */
    public String division;
    public String name;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public ItemKind kind;
    public String specification;
    public String unit;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> attributes = new HashMap<>();
    /** Imported from an older ledger: allowed to lack attributes, and flagged until they are filled. */
    public boolean imported;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;

    /** Whether a warehouse of {@code division} may stock this item. */
    public boolean usableIn(String warehouseDivision) {
        return warehouseDivision.startsWith(division);
    }
}
