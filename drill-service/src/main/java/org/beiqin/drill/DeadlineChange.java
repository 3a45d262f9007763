package org.beiqin.drill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 时限调整: an improvement action's deadline moved, by whom and why (never edited). */
@Entity
@Table(name = "action_deadline_change")
public class DeadlineChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID actionId;
    @Column(name = "from_date")
    public LocalDate from;
    @Column(name = "to_date")
    public LocalDate to;
    public String reason;
    public String changedBy;
    public String changedByName;
    public Instant changedAt;

    public static List<DeadlineChange> of(List<UUID> actionIds) {
        return actionIds.isEmpty() ? List.of() : list("actionId in ?1 ORDER BY id", actionIds);
    }
}
