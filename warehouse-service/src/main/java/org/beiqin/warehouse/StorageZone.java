package org.beiqin.warehouse;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An area of a warehouse designated for one category of stock. */
@Entity
public class StorageZone extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID warehouseId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Category category;

    public static List<StorageZone> of(UUID warehouseId) {
        return list("warehouseId = ?1 order by category, name", warehouseId);
    }
}
