package org.beiqin.duty.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.beiqin.duty.Member;
import org.beiqin.duty.Shift;
import org.beiqin.duty.Team;

/** What people submit about teams, rosters, check-ins and spot checks. */
public final class Commands {

    private static final String DIVISION = "^(\\d{6}|\\d{9}|\\d{12})$";
    private static final String PHONE = "^[0-9+\\- ]{5,40}$";

    private Commands() {
    }

    @Schema(description = "应急救援队伍")
    public record NewTeam(@NotBlank @Pattern(regexp = DIVISION) String division, @NotBlank @Size(max = 200) String name,
            @NotNull Team.Level level) {
    }

    @Schema(description = "队员")
    public record NewMember(@NotBlank @Size(max = 100) String name, @Size(max = 40) @Pattern(regexp = PHONE) String phone,
            @NotBlank @Pattern(regexp = "^[MF]$") String gender, @NotNull @Past LocalDate birthDate,
            @Size(max = 200) String account, @Size(max = 10) List<Member.@NotNull Role> roles) {
    }

    @Schema(description = "修改队员：状态（在岗、辞职、调离）、电话、职务、登录账号；须带 version")
    public record MemberChange(@NotNull Member.Status status, @Size(max = 40) @Pattern(regexp = PHONE) String phone,
            @NotNull @Size(max = 10) List<Member.@NotNull Role> roles, @Size(max = 200) String account,
            @NotNull Boolean listed, @NotNull @PositiveOrZero Integer version) {
    }

    @Schema(description = "值班时段：所需带班领导和值班人员人数（汛期 24 小时：1 名带班领导、2 名值班人员）")
    public record NewPeriod(@NotBlank @Pattern(regexp = DIVISION) String division, @NotBlank @Size(max = 200) String name,
            @NotNull Instant startsAt, @NotNull Instant endsAt, @NotNull @Min(0) @Max(20) Integer minLeaders,
            @NotNull @Min(0) @Max(50) Integer minStaff) {
    }

    @Schema(description = "排一个班")
    public record NewShift(@NotNull UUID memberId, @NotNull Shift.DutyRole role, @NotNull Instant startsAt,
            @NotNull Instant endsAt) {
    }

    @Schema(description = "轮换方式：每天（DAILY）或每周（WEEKLY）一班")
    public enum RotationPattern {
        DAILY, WEEKLY
    }

    @Schema(description = "轮换：按天或按周从 startTime 起排班，每班 hours 小时；带班领导和值班组依次轮流")
    public record Rotation(@NotNull RotationPattern pattern, @NotNull LocalDate from,
            @NotNull LocalDate to, @NotNull LocalTime startTime, @NotNull @Min(1) @Max(168) Integer hours,
            @NotEmpty @Size(max = 100) List<@NotNull UUID> leaders,
            @NotEmpty @Size(max = 100) List<@NotEmpty @Size(max = 10) List<@NotNull UUID>> staff) {
    }

    @Schema(description = "替班：这一个班换人，不改轮换")
    public record Override(@NotNull UUID memberId, @NotBlank @Size(max = 500) String reason,
            @NotNull @PositiveOrZero Integer version) {
    }

    @Schema(description = "换班：两个班的人互换；两个班次的版本号都须是所看到的，防止覆盖他人刚做的调整")
    public record Swap(@NotNull UUID otherShiftId, @NotBlank @Size(max = 500) String reason,
            @NotNull @PositiveOrZero Integer version, @NotNull @PositiveOrZero Integer otherVersion) {
    }

    @Schema(description = "签到（可带位置）")
    public record CheckIn(@Size(max = 200) String location) {
    }

    @Schema(description = "查岗：发给该区划此刻在班的人")
    public record NewSpotCheck(@NotBlank @Pattern(regexp = DIVISION) String division) {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
