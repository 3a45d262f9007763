package org.beiqin.warehouse.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.beiqin.warehouse.Category;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.ItemKind;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.MovementType;
import org.beiqin.warehouse.Stocktake;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.readmodel.Lookups;
import org.beiqin.warehouse.readmodel.StockQueries;
import org.beiqin.warehouse.service.StocktakeService;

/** What the API returns: records built from entities, never the entities themselves. */
public final class Responses {

    private Responses() {
    }

    public record ZoneView(UUID id, String name, Category category, String categoryLabel) {
        static ZoneView from(StorageZone zone) {
            return new ZoneView(zone.id, zone.name, zone.category, zone.category.zh);
        }
    }

    public record WarehouseView(UUID id, String division, String name, String address, Integer floor,
            Boolean hasLift, Boolean entranceClear, Boolean manualDoorRelease, Boolean backupPower,
            Instant createdAt, String createdBy, List<ZoneView> zones) {
        static WarehouseView from(Warehouse w, Lookups lookups) {
            return list(List.of(w), lookups).get(0);
        }

        /** The warehouses with their zones, read in one query for all of them. */
        static List<WarehouseView> list(List<Warehouse> warehouses, Lookups lookups) {
            Map<UUID, List<StorageZone>> zones = lookups.zonesOf(warehouses.stream().map(w -> w.id).toList());
            return warehouses.stream().map(w -> new WarehouseView(w.id, w.division, w.name, w.address, w.floor,
                    w.hasLift, w.entranceClear, w.manualDoorRelease, w.backupPower, w.createdAt, w.createdBy,
                    zones.get(w.id).stream().map(ZoneView::from).toList())).toList();
        }
    }

    public record ItemView(UUID id, String division, String name, Category category, ItemKind kind,
            String specification, String unit, Map<String, String> attributes, boolean imported,
            List<String> missingLabels) {
        static ItemView from(Item item, List<String> missing) {
            return new ItemView(item.id, item.division, item.name, item.category, item.kind, item.specification,
                    item.unit, item.attributes, item.imported, missing);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MovementView(UUID id, Long seq, MovementType type, String typeLabel, UUID warehouseId,
            String division, UUID itemId, UUID zoneId, String lot, BigDecimal quantity, BigDecimal delta,
            String reason, String actor, Instant occurredAt, Instant recordedAt, String recipientName,
            String recipientPhone, LocalDate dueBack, Reference reference, UUID issueId, UUID reversesId,
            UUID transferId, UUID stocktakeId, BigDecimal balanceAfter) {

        public static MovementView from(Movement m) {
            return from(m, null);
        }

        public static MovementView from(Movement m, BigDecimal balanceAfter) {
            return new MovementView(m.id, m.seq, m.type, m.type.zh, m.warehouseId, m.division, m.itemId, m.zoneId,
                    m.lot, m.quantity, m.delta, m.reason, m.actor, m.occurredAt, m.recordedAt, m.recipientName,
                    m.recipientPhone, m.dueBack,
                    m.referenceType == null ? null : new Reference(m.referenceType, m.referenceId),
                    m.issueId, m.reversesId, m.transferId, m.stocktakeId, balanceAfter);
        }
    }

    public record Reference(String type, String id) {
    }

    public record BalanceView(UUID itemId, String itemName, String unit, UUID zoneId, String zoneName, String lot,
            LocalDate expiresOn, BigDecimal quantity) {
        /** The balances with their items' and zones' names, read in one query per kind. */
        static List<BalanceView> list(List<StockQueries.Balance> balances, Lookups lookups) {
            Map<UUID, Item> items = lookups.items(balances.stream().map(StockQueries.Balance::itemId).toList());
            Map<UUID, StorageZone> zones = lookups.zones(balances.stream().map(StockQueries.Balance::zoneId).toList());
            return balances.stream().map(b -> {
                Item item = items.get(b.itemId());
                return new BalanceView(b.itemId(), item.name, item.unit, b.zoneId(), zones.get(b.zoneId()).name,
                        b.lot(), b.expiresOn(), b.quantity());
            }).toList();
        }
    }

    public record StockCard(UUID warehouseId, UUID itemId, String itemName, String unit, BigDecimal balance,
            List<MovementView> movements) {
    }

    public record LoanView(MovementView issue, BigDecimal outstanding, boolean overdue) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StocktakeLineView(UUID zoneId, UUID itemId, String itemName, String lot, BigDecimal counted,
            BigDecimal ledger, BigDecimal difference, String countedBy, Instant countedAt) {
        static StocktakeLineView from(StocktakeService.Line line, Map<UUID, Item> items) {
            Item item = items.get(line.itemId());
            return new StocktakeLineView(line.zoneId(), line.itemId(), item == null ? null : item.name, line.lot(),
                    line.counted(), line.ledger(), line.difference(), line.countedBy(), line.countedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StocktakeView(UUID id, UUID warehouseId, String division, Stocktake.Status status, String note,
            Instant openedAt, String openedBy, Instant submittedAt, String submittedBy, Instant reconciledAt,
            String reconciledBy, List<StocktakeLineView> lines, Integer differences, String warehouseName,
            SentBack sentBack) {
        /** A stocktake with its lines; the lines' items are read in one query. */
        static StocktakeView from(Stocktake s, List<StocktakeService.Line> lines, Lookups lookups) {
            Map<UUID, Item> items = lookups.items(lines.stream().map(StocktakeService.Line::itemId).toList());
            List<StocktakeLineView> views = lines.stream().map(l -> StocktakeLineView.from(l, items)).toList();
            Integer differences = s.status == Stocktake.Status.OPEN ? null
                    : (int) lines.stream().filter(l -> l.difference() != null && l.difference().signum() != 0).count();
            return of(s, views, differences, lookups.warehouses(List.of(s.warehouseId)).get(s.warehouseId));
        }

        /**
         * Stocktakes without their lines, with the number of differing lines where it was counted in the
         * database ({@code differences} null: not counted); their warehouses are read in one query.
         */
        static List<StocktakeView> summaries(List<Stocktake> stocktakes, Map<UUID, Long> differences,
                Lookups lookups) {
            Map<UUID, Warehouse> warehouses = lookups.warehouses(stocktakes.stream().map(s -> s.warehouseId).toList());
            return stocktakes.stream().map(s -> {
                Long counted = differences == null ? null : differences.getOrDefault(s.id, 0L);
                return of(s, null, s.status == Stocktake.Status.OPEN || counted == null ? null : counted.intValue(),
                        warehouses.get(s.warehouseId));
            }).toList();
        }

        private static StocktakeView of(Stocktake s, List<StocktakeLineView> lines, Integer differences, Warehouse w) {
            return new StocktakeView(s.id, s.warehouseId, s.division, s.status, s.note, s.openedAt, s.openedBy,
                    s.submittedAt, s.submittedBy, s.reconciledAt, s.reconciledBy, lines, differences,
                    w == null ? null : w.name,
                    s.sentBackAt == null ? null : new SentBack(s.sentBackAt, s.sentBackBy, s.sentBackReason));
        }
    }

    /** The county sent the count back to be done again, and why. */
    public record SentBack(Instant at, String by, String reason) {
    }
}
