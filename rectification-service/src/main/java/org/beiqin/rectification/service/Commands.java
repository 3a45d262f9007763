package org.beiqin.rectification.service;

import java.time.LocalDate;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.MeasureStatus;

/**
 * What the county office and the units submit. Each change carries the {@code version} it was
 * based on, so that two people editing the same item never overwrite each other silently.
 */
public final class Commands {

    private Commands() {
    }

    @Schema(description = "六个明确中的前五项：整改目标、责任领导、责任部门、责任人、整改时限")
    public record Plan(
            @Size(max = 1000) String target,
            @Size(max = 100) String responsibleLeader,
            @Size(max = 200) String responsibleDepartment,
            @Size(max = 100) String responsiblePerson,
            @NotNull LocalDate deadline,
            @NotNull @PositiveOrZero Integer version) {
    }

    @Schema(description = "一条整改措施")
    public record NewMeasure(
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 100) String owner,
            @NotNull @FutureOrPresent LocalDate deadline) {
    }

    @Schema(description = "措施进度；标为 DONE 须附整改情况（证据）")
    public record MeasureProgress(
            @NotNull MeasureStatus status,
            @Size(max = 4000) String evidence,
            @NotNull @PositiveOrZero Integer version) {
    }

    @Schema(description = "事项状态；标为 COMPLETED（已完成）须由县应急办核验并附证据")
    public record StatusChange(
            @NotNull ItemStatus status,
            @Size(max = 4000) String evidence,
            @NotNull @PositiveOrZero Integer version) {
    }
}
