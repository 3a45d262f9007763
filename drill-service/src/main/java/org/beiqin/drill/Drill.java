package org.beiqin.drill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "organising_unit")
    public String organisingUnit;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public boolean announced;
    public String hazard;
    @Column(name = "network_outage")
    public boolean networkOutage;
    @Column(name = "power_outage")
    public boolean powerOutage;
    @Column(name = "road_cut")
    public boolean roadCut;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> objectives;
    @Column(name = "scheduled_on")
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
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "actual_start")
    public Instant actualStart;
    @Column(name = "actual_end")
    public Instant actualEnd;
    @Column(name = "took_part")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tookPart;
    public String deviations;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancel_reason")
    public String cancelReason;
    public boolean imported;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    /** The 三断 scenario: network, power and road all cut. */
    public boolean coversThreeOutages() {
        return networkOutage && powerOutage && roadCut;
    }
}
