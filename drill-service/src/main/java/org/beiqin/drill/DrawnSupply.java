package org.beiqin.drill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An issue movement of the warehouse ledger that references a drill: what the drill really drew. */
@Entity
@Table(name = "drawn_supply")
public class DrawnSupply extends PanacheEntityBase {

    @Id
    @Column(name = "movement_id")
    public String movementId;
    @Column(name = "drill_id")
    public UUID drillId;
    @Column(name = "warehouse_id")
    public String warehouseId;
    @Column(name = "item_id")
    public String itemId;
    @Column(name = "item_name")
    public String itemName;
    public BigDecimal quantity;
    public String unit;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public boolean reversed;
}
