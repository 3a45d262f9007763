package org.beiqin.warehouse.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.beiqin.commons.time.WithinOfflineWindow;
import org.beiqin.commons.security.Divisions;
import org.beiqin.warehouse.Category;
import org.beiqin.warehouse.ItemKind;

/**
 * What keepers submit. Quantities have at most 11 integer and 3 decimal digits (the ledger's
 * numeric(14,3)); free text is bounded so a 1 MB "reason" is refused, not stored.
 */
public final class Commands {

    private Commands() {
    }

    static final String QTY_MAX = "99999999999.999";

    @Schema(description = "登记仓库 Register a warehouse")
    public record CreateWarehouse(
            @Schema(description = "统计用区划代码（乡镇 9 位，村 12 位）", example = "410182102")
            @NotNull @Pattern(regexp = Divisions.PATTERN) String division,
            @Schema(example = "乔楼镇应急物资仓库") @NotBlank @Size(max = 200) String name,
            @Schema(example = "乔楼镇政府院内东侧") @Size(max = 500) String address,
            @Schema(description = "存放楼层，1 为地面层", example = "1") @Min(-5) @Max(100) Integer floor,
            @Schema(description = "有无电梯") Boolean hasLift,
            @Schema(description = "出入口是否通畅") Boolean entranceClear,
            @Schema(description = "仓库门能否手动开启") Boolean manualDoorRelease,
            @Schema(description = "有无备用电源") Boolean backupPower,
            @Schema(description = "存放区；不填则按防汛/防火/救灾/其他各建一个") @Size(max = 50) List<@Valid @NotNull Zone> zones) {
    }

    @Schema(description = "存放区 A storage zone designated for one category")
    public record Zone(
            @Schema(example = "防汛物资区") @NotBlank @Size(max = 100) String name,
            @Schema(example = "FLOOD") @NotNull Category category) {
    }

    @Schema(description = "物资目录条目 A catalogue item")
    public record CreateItem(
            @Schema(description = "定义该物资的区划；县级条目供全县使用", example = "410182102")
            @NotNull @Pattern(regexp = Divisions.PATTERN) String division,
            @Schema(example = "救生衣") @NotBlank @Size(max = 200) String name,
            @Schema(example = "FLOOD") @NotNull Category category,
            @Schema(example = "PERSONAL_KIT") @NotNull ItemKind kind,
            @Schema(example = "成人款 浮力≥100N") @Size(max = 200) String specification,
            @Schema(example = "件") @Size(max = 20) String unit,
            @Schema(description = "按种类要求的属性，如燃油须有 fuelType", example = "{\"fuelType\": \"0号柴油\"}")
            @Size(max = 30) Map<@NotBlank @Size(max = 50) String, @NotBlank @Size(max = 200) String> attributes) {
    }

    @Schema(description = "补全物资属性 Fill in an item's labelling attributes (fields left out are kept)")
    public record UpdateItem(
            @Size(max = 200) String specification,
            @Size(max = 20) String unit,
            @Size(max = 30) Map<@NotBlank @Size(max = 50) String, @NotBlank @Size(max = 200) String> attributes) {
    }

    @Schema(description = "入库 Receive stock")
    public record Receive(
            @NotNull UUID itemId,
            @Schema(description = "存放区；不填则放入与物资类别相同的存放区") UUID zoneId,
            @Schema(description = "批次号；有保质期的物资必填", example = "2026-03") @Size(max = 60) String lot,
            @Schema(description = "批次有效期至；有保质期的物资首次入库必填", example = "2027-03-31") LocalDate expiresOn,
            @Schema(example = "20") @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
            @Schema(example = "县应急局调拨") @Size(max = 500) String reason,
            @Schema(description = "实际发生时间；离线补录时填写，不能晚于现在，也不能早于补录期限（默认 90 天）和仓库建档之时") @WithinOfflineWindow Instant occurredAt) {
    }

    @Schema(description = "出库发放 Issue stock to a named person, or for a drill or incident")
    public record Issue(
            @NotNull UUID itemId,
            UUID zoneId,
            @Size(max = 60) String lot,
            @Schema(example = "2") @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
            @Schema(description = "领用人", example = "王建国") @Size(max = 100) String recipientName,
            @Schema(example = "13800000000") @Pattern(regexp = "^[0-9+\\- ]{5,20}$") String recipientPhone,
            @Schema(description = "应归还日期", example = "2026-07-15") LocalDate dueBack,
            @Schema(description = "关联的演练或事件") @Valid Reference reference,
            @Size(max = 500) String reason,
            @WithinOfflineWindow Instant occurredAt) {
    }

    @Schema(description = "关联 A drill or incident the stock was issued for")
    public record Reference(
            @Schema(example = "drill") @NotBlank @Pattern(regexp = "^(drill|incident)$") String type,
            @Schema(example = "3b0c…") @NotBlank @Size(max = 100) String id) {
    }

    @Schema(description = "归还 Return (part of) an earlier issue")
    public record Return(
            @NotNull UUID issueId,
            @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
            @Schema(description = "放回的存放区；不填则放回原处") UUID zoneId,
            @Size(max = 500) String reason,
            @WithinOfflineWindow Instant occurredAt) {
    }

    @Schema(description = "核销 Write off what of an issue will not come back (lost, used up)")
    public record WriteOff(
            @NotNull UUID issueId,
            @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
            @Schema(example = "抢险中损毁") @NotBlank @Size(max = 500) String reason,
            @WithinOfflineWindow Instant occurredAt) {
    }

    @Schema(description = "调拨 Transfer stock to another warehouse")
    public record Transfer(
            @NotNull UUID itemId,
            UUID zoneId,
            @Size(max = 60) String lot,
            @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
            @NotNull UUID toWarehouseId,
            @Schema(description = "目标仓库的存放区；不填则按物资类别") UUID toZoneId,
            @Size(max = 500) String reason,
            @WithinOfflineWindow Instant occurredAt) {
    }

    @Schema(description = "报废 Scrap stock")
    public record Scrap(
            @NotNull UUID itemId,
            UUID zoneId,
            @Size(max = 60) String lot,
            @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
            @Schema(example = "过期") @NotBlank @Size(max = 500) String reason,
            @WithinOfflineWindow Instant occurredAt) {
    }

    @Schema(description = "审批调整 The county approves a keeper's adjustment")
    public record Approval(@Schema(example = "已核实：原账面多记 2 把") @Size(max = 500) String note) {
    }

    @Schema(description = "调整 Adjust a balance, with a reason; positive adds, negative removes")
    public record Adjust(
            @NotNull UUID itemId,
            UUID zoneId,
            @Size(max = 60) String lot,
            @Schema(example = "-1") @NotNull @Digits(integer = 11, fraction = 3)
            @DecimalMax(QTY_MAX) @jakarta.validation.constraints.DecimalMin("-" + QTY_MAX) BigDecimal delta,
            @NotBlank @Size(max = 500) String reason,
            @WithinOfflineWindow Instant occurredAt) {
    }

    @Schema(description = "冲销 Reverse a mistaken movement")
    public record Reverse(
            @Schema(example = "数量录错") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "配备标准 The minimum the warehouse must hold of an item")
    public record SetStandard(
            @Schema(example = "79") @NotNull @PositiveOrZero @Digits(integer = 11, fraction = 3) BigDecimal minimum) {
    }

    @Schema(description = "开始盘点 Open a stocktake")
    public record OpenStocktake(@Size(max = 500) String note) {
    }

    @Schema(description = "盘点录入 Counted quantities; a line counted again takes the new count")
    public record Count(@NotEmpty @Size(max = 10000) List<@Valid @NotNull CountLine> lines) {
    }

    public record CountLine(
            @NotNull UUID itemId,
            @NotNull UUID zoneId,
            @Size(max = 60) String lot,
            @Schema(example = "18") @NotNull @PositiveOrZero @Digits(integer = 11, fraction = 3) BigDecimal counted) {
    }

    @Schema(description = "审批盘点差异 Approve and post a stocktake's differences")
    public record Reconcile(@Schema(example = "经核实，2 把铁锨已在抢险中损耗") @NotBlank @Size(max = 500) String reason) {
    }
}
