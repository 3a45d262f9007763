package org.beiqin.rectification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file attached to an item as evidence (佐证材料); kept as uploaded, never changed. */
@Entity
@Immutable
@Table(name = "item_evidence")
public class ItemEvidence extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public int size;
    public String sha256;
    public byte[] content;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_by_name")
    public String uploadedByName;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
