package org.beiqin.drill.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.beiqin.drill.Drill;
import org.beiqin.drill.Parts;

/** What people submit about drills. */
public final class Commands {

    private Commands() {
    }

    @Schema(description = "演练方案")
    public record Plan(
            @NotBlank @Pattern(regexp = "^(\\d{6}|\\d{9}|\\d{12})$") String division,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200) String organisingUnit,
            @NotNull Drill.Kind kind,
            @NotNull Boolean announced,
            @NotBlank @Pattern(regexp = "^(FLOOD|FIRE|GEOLOGICAL|HAZMAT|EARTHQUAKE|OTHER)$") String hazard,
            @Schema(description = "情景：断网") boolean networkOutage,
            @Schema(description = "情景：断电") boolean powerOutage,
            @Schema(description = "情景：断路") boolean roadCut,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 500) String> objectives,
            @NotNull LocalDate scheduledOn,
            @NotBlank @Size(max = 200) String place,
            @NotEmpty @Size(max = 100) List<Parts.@Valid @NotNull Unit> units,
            @Size(max = 2000) List<Parts.@Valid @NotNull Participant> participants,
            @Size(max = 200) List<Parts.@Valid @NotNull Supply> supplies) {
    }

    @Schema(description = "参演单位（可随时补全联系人）")
    public record Units(@NotEmpty @Size(max = 100) List<Parts.@Valid @NotNull Unit> units,
            @NotNull @PositiveOrZero Integer version) {
    }

    @Schema(description = "参演人员（可随时补全岗位任务）")
    public record Participants(@NotNull @Size(max = 2000) List<Parts.@Valid @NotNull Participant> participants,
            @NotNull @PositiveOrZero Integer version) {
    }

    @Schema(description = "实施记录；演练引用（drill id）由仓库出库时填写")
    public record Conduct(
            @NotNull @PastOrPresent Instant actualStart,
            @NotNull @PastOrPresent Instant actualEnd,
            @Size(max = 2000) List<@NotBlank @Size(max = 100) String> tookPart,
            @Size(max = 4000) String deviations) {
    }

    @Schema(description = "总结评估（参照 HSEEP 演练评估报告）")
    public record Evaluate(
            @NotNull @PastOrPresent LocalDate evaluatedOn,
            @NotEmpty @Size(max = 30) List<Parts.@Valid @NotNull Rating> ratings,
            @Size(max = 4000) String strengths,
            @Size(max = 4000) String areasForImprovement,
            @Size(max = 50) List<@Valid @NotNull Action> actions) {
    }

    @Schema(description = "改进措施")
    public record Action(@NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 100) String owner,
            @NotNull @FutureOrPresent LocalDate deadline) {
    }

    @Schema(description = "调整改进措施时限（须说明理由）")
    public record Deadline(@NotNull @FutureOrPresent LocalDate deadline,
            @Schema(example = "县应急办同意延期：备用电池需统一采购") @NotBlank @Size(max = 1000) String reason,
            @NotNull @PositiveOrZero Integer version) {
    }

    /** An improvement action of an old record: its deadline may be past, and it may have been done. */
    @Schema(description = "导入的改进措施（时限可在过去；已完成的须附完成日期和证据）")
    public record ImportedAction(@NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 100) String owner,
            @NotNull LocalDate deadline,
            @PastOrPresent LocalDate doneOn,
            @Size(max = 4000) String evidence) {
    }

    @Schema(description = "更正评估日期")
    public record EvaluationDate(@NotNull @PastOrPresent LocalDate evaluatedOn) {
    }

    @Schema(description = "改进措施完成情况；完成须附证据")
    public record ActionDone(@NotBlank @Size(max = 4000) String evidence, @NotNull @PositiveOrZero Integer version) {
    }

    @Schema(description = "取消演练")
    public record Cancel(@NotBlank @Size(max = 1000) String reason) {
    }

    /** A drill from an old paper record: taken as it was, checked by the rules afterwards. */
    @Schema(description = "导入历史演练记录（不拒收，由规则标记问题）")
    public record Imported(
            @NotNull @Valid Plan plan,
            @NotNull @PastOrPresent Instant approvedAt,
            @PastOrPresent Instant actualStart,
            @PastOrPresent Instant actualEnd,
            @PastOrPresent LocalDate evaluatedOn,
            @Size(max = 30) List<Parts.@Valid @NotNull Rating> ratings,
            @Size(max = 4000) String strengths,
            @Size(max = 4000) String areasForImprovement,
            @Size(max = 50) List<@Valid @NotNull ImportedAction> actions) {
    }
}
