package org.beiqin.warehouse.service;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.beiqin.commons.time.WithinOfflineWindow;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.beiqin.warehouse.Equipment;
import org.beiqin.warehouse.Extinguisher;

/** What keepers submit about equipment. Dates of checks may be in the past (entered later), never ahead. */
public final class EquipmentCommands {

    private EquipmentCommands() {
    }

    @Schema(description = "登记灭火器 Register an extinguisher")
    public record RegisterExtinguisher(
            @Schema(example = "干粉灭火器 #07") @NotBlank @Size(max = 100) String label,
            @Schema(example = "DRY_POWDER") @NotNull Extinguisher.Agent agent,
            @Schema(example = "4kg") @Size(max = 50) String capacity,
            @Schema(description = "出厂日期", example = "2019-05-01") @NotNull @PastOrPresent LocalDate manufacturedOn,
            @Schema(example = "仓库门口东侧") @Size(max = 200) String location) {
    }

    @Schema(description = "月度检查 Monthly check: seal, gauge, body, access (GB 50444-2008 §5.2)")
    public record MonthlyCheck(
            @NotNull @PastOrPresent @WithinOfflineWindow LocalDate onDate,
            @Schema(description = "铅封完好") @NotNull Boolean sealIntact,
            @Schema(description = "压力表指针在绿区") @NotNull Boolean gaugeInRange,
            @Schema(description = "筒体无锈蚀、变形、损伤") @NotNull Boolean undamaged,
            @Schema(description = "放置位置易于取用") @NotNull Boolean accessible,
            @Size(max = 500) String notes) {
    }

    /** Typed from the inspection station's tag, so it may be older than the offline window; never before manufacture. */
    @Schema(description = "年度检测维护 Annual inspection or maintenance")
    public record AnnualInspection(
            @NotNull @PastOrPresent LocalDate onDate,
            @Schema(description = "是否合格") @NotNull Boolean passed,
            @Schema(description = "检测单位或人员", example = "荥阳市消防器材检测站") @NotBlank @Size(max = 200) String inspector,
            @Size(max = 500) String notes) {
    }

    @Schema(description = "送修 Send for service")
    public record SendForService(
            @NotNull @PastOrPresent @WithinOfflineWindow LocalDate onDate,
            @Schema(example = "荥阳市消防器材维修站") @NotBlank @Size(max = 200) String serviceProvider) {
    }

    @Schema(description = "维修返回 Back from service")
    public record ReturnFromService(
            @NotNull @PastOrPresent @WithinOfflineWindow LocalDate onDate,
            @Schema(description = "维修后是否合格") @NotNull Boolean passed,
            @Size(max = 500) String notes) {
    }

    @Schema(description = "报废 Scrap")
    public record Scrap(
            @NotNull @PastOrPresent @WithinOfflineWindow LocalDate onDate,
            @Schema(example = "超过报废年限") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "登记装备 Register a piece of equipment")
    public record RegisterEquipment(
            @Schema(example = "SATELLITE_PHONE") @NotNull Equipment.Kind kind,
            @Schema(example = "卫星电话 #1") @NotBlank @Size(max = 100) String label,
            @Schema(description = "是否用电池；不填按种类默认") Boolean batteryPowered) {
    }

    @Schema(description = "电量读数 A charge reading: a percentage, or just charged / not charged")
    public record ChargeReading(
            @Schema(example = "65") @Min(0) @Max(100) Integer percent,
            @Schema(description = "无百分比时：是否已充满") Boolean charged,
            @Schema(description = "读数时间；不填为现在") @PastOrPresent @WithinOfflineWindow Instant at) {
    }

    @Schema(description = "装备检查 An equipment check: working or faulty, with notes")
    public record Check(
            @NotNull Boolean working,
            @Schema(example = "喇叭无声") @Size(max = 500) String notes,
            @PastOrPresent @WithinOfflineWindow Instant at) {
    }

    @Schema(description = "维修完成 A fault repaired")
    public record Repair(@NotBlank @Size(max = 500) String notes, @PastOrPresent @WithinOfflineWindow Instant at) {
    }

    @Schema(description = "使用后归还 Returned from use in a drill or an incident")
    public record ReturnedFromUse(
            @Valid @NotNull Commands.Reference reference,
            @PastOrPresent @WithinOfflineWindow Instant at) {
    }

    @Schema(description = "仓库设施检查 A facility inspection of the warehouse")
    public record FacilityCheck(
            @NotNull @PastOrPresent @WithinOfflineWindow LocalDate inspectedOn,
            @Schema(description = "物资在一楼或有电梯") @NotNull Boolean groundFloorOrLift,
            @Schema(description = "出入口通畅") @NotNull Boolean entranceClear,
            @Schema(description = "干燥、无过水痕迹") @NotNull Boolean dry,
            @Schema(description = "仓库门可手动开启") @NotNull Boolean manualDoorRelease,
            @Schema(description = "备用电源电量充足") @NotNull Boolean backupPowerCharged,
            @Schema(description = "有灭火器且在有效期内") @NotNull Boolean extinguisherPresent,
            @Size(max = 1000) String notes) {
    }
}
