package org.beiqin.duty;

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

/**
 * A team member. {@code status} says whether the person is still there; {@code listed} whether the
 * roster still names them — the notices found both out of step (已辞职但名单未更新).
 */
@Entity
public class Member extends PanacheEntityBase {

    public enum Status {
        ACTIVE("在岗"), RESIGNED("已辞职"), TRANSFERRED("已调离");

        public final String zh;

        Status(String zh) {
            this.zh = zh;
        }
    }

    /** Roles a member can hold: 指挥长, 副指挥长, 安全劝导员, 灾害信息员, 民兵, 队员. */
    public enum Role {
        COMMANDER("指挥长"), DEPUTY("副指挥长"), SAFETY_ADVISER("安全劝导员"), DISASTER_INFORMANT("灾害信息员"),
        MILITIA("民兵"), RESPONDER("队员");

        public final String zh;

        Role(String zh) {
            this.zh = zh;
        }
    }

    @Id
    public UUID id;
    public UUID teamId;
    public String division;
    public String name;
    /** The sign-in subject of this person, for "my shifts" and check-in. */
    public String account;
    public String phone;
    public String gender;
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public Status status;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Role> roles;
    public boolean listed;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public int version;

    public boolean departed() {
        return status != Status.ACTIVE;
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}
