package org.beiqin.drill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 改进措施 set by an evaluation, with an owner, a deadline and, once done, evidence. */
@Entity
public class ImprovementAction extends PanacheEntityBase {

    public enum Status {
        OPEN, DONE
    }

    @Id
    public UUID id;
    public UUID drillId;
    public int position;
    public String description;
    public String owner;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String evidence;
    public Instant doneAt;
    @Version
    public int version;
}
