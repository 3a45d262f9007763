package org.beiqin.duty;

import java.time.Instant;
import java.util.UUID;

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
    public UUID periodId;
    public String division;
    public Instant startsAt;
    public Instant endsAt;
    public UUID memberId;
    @Enumerated(EnumType.STRING)
    public DutyRole dutyRole;
    @Enumerated(EnumType.STRING)
    public Source source;
    public String rotationKey;
    /** When the current person was put on this shift: a substitute's grace counts from here. */
    public Instant assignedAt;
    public UUID replacedMemberId;
    public String changeReason;
    public Instant checkedInAt;
    public Boolean checkInLate;
    public String checkInLocation;
    public Instant checkedOutAt;
    @Version
    public int version;

    public boolean leader() {
        return dutyRole == DutyRole.LEADER;
    }
}
