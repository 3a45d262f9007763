package org.beiqin.drill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An issue movement of the warehouse ledger that references a drill: what the drill really drew. */
@Entity
public class DrawnSupply extends PanacheEntityBase {

    @Id
    public String movementId;
    public UUID drillId;
    public String warehouseId;
    public String itemId;
    public String itemName;
    public BigDecimal quantity;
    public String unit;
    public Instant occurredAt;
    public boolean reversed;
}
