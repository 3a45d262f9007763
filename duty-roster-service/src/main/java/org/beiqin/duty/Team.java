package org.beiqin.duty;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 应急救援队伍 of a township or a village. */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;
    public String division;
    public String name;
    /** {@code township} or {@code village}: the level decides the minimum size. */
    public String level;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public int version;

    /** Active members still on the list: the team's strength. */
    public long activeMembers() {
        return Member.count("teamId = ?1 and status = ?2 and listed = true", id, Member.Status.ACTIVE);
    }
}
