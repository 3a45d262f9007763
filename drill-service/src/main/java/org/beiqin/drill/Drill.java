package org.beiqin.drill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A drill from its plan (演练方案) through its conduct (实施); its evaluation is {@link Evaluation}. */
@Entity
public class Drill extends PanacheEntityBase {

    public enum Kind {
        TABLETOP, FUNCTIONAL, FULL_SCALE
    }

    @Id
    public UUID id;
    public String division;
    public String title;
    public String organisingUnit;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public boolean announced;
    public String hazard;
    public boolean networkOutage;
    public boolean powerOutage;
    public boolean roadCut;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> objectives;
    public LocalDate scheduledOn;
    public String place;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Parts.Unit> units;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Parts.Participant> participants;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Parts.Supply> supplies;
    @Enumerated(EnumType.STRING)
    public DrillStatus status;
    public Instant approvedAt;
    public String approvedBy;
    public Instant actualStart;
    public Instant actualEnd;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tookPart;
    public String deviations;
    public Instant cancelledAt;
    public String cancelReason;
    public boolean imported;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public int version;

    /** The 三断 scenario: network, power and road all cut. */
    public boolean coversThreeOutages() {
        return networkOutage && powerOutage && roadCut;
    }
}
