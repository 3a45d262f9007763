package org.beiqin.rectification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file attached to an item as evidence (佐证材料); kept as uploaded, never changed. */
@Entity
@Immutable
public class ItemEvidence extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID itemId;
    public String fileName;
    public String contentType;
    @Column(name = "size_bytes")
    public int size;
    public String sha256;
    public byte[] content;
    public String uploadedBy;
    public String uploadedByName;
    public Instant uploadedAt;
}
