package org.beiqin.duty;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One person on duty for an interval, as leader (带班领导) or staff, and their check-in and out. */
@Entity
public class Shift extends PanacheEntityBase {

    public enum DutyRole {
        LEADER("带班领导"), STAFF("值班人员");

        public final String zh;

        DutyRole(String zh) {
            this.zh = zh;
        }
    }

    /** How the shift came to be: typed in one by one, or laid by a rotation. */
    public enum Source {
        MANUAL, ROTATION
    }

    @Id
    public UUID id;
    @Column(name = "period_id")
    public UUID periodId;
    public String division;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "duty_role")
    @Enumerated(EnumType.STRING)
    public DutyRole dutyRole;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Column(name = "rotation_key")
    public String rotationKey;
    /** When the current person was put on this shift: a substitute's grace counts from here. */
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "replaced_member_id")
    public UUID replacedMemberId;
    @Column(name = "change_reason")
    public String changeReason;
    @Column(name = "checked_in_at")
    public Instant checkedInAt;
    @Column(name = "check_in_late")
    public Boolean checkInLate;
    @Column(name = "check_in_location")
    public String checkInLocation;
    @Column(name = "checked_out_at")
    public Instant checkedOutAt;
    @Version
    public int version;

    public boolean leader() {
        return dutyRole == DutyRole.LEADER;
    }
}
