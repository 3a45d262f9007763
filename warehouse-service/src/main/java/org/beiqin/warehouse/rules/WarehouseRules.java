package org.beiqin.warehouse.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.commons.discrepancy.Discrepancies;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.ItemKind;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.MovementType;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.readmodel.StockQueries;

/** The rules a posted movement can change, run in the movement's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WarehouseRules {

    @Inject
    MixedStorageRule mixedStorage;
    @Inject
    ExpiredStockRule expiredStock;
    @Inject
    BelowStandardRule belowStandard;
    @Inject
    IssuedNotReturnedRule issuedNotReturned;
    @Inject
    LedgerMismatchRule ledgerMismatch;
    @Inject
    StocktakeOverdueRule stocktakeOverdue;
    @Inject
    PersonalKitRule personalKit;
    @Inject
    AdjustmentUnapprovedRule adjustmentUnapproved;
    @Inject
    Discrepancies discrepancies;

    public AdjustmentUnapprovedRule adjustmentUnapproved() {
        return adjustmentUnapproved;
    }

    // Accessors, not fields: callers hold a client proxy, whose fields are never injected.
    public BelowStandardRule belowStandard() {
        return belowStandard;
    }

    public LedgerMismatchRule ledgerMismatch() {
        return ledgerMismatch;
    }

    public StocktakeOverdueRule stocktakeOverdue() {
        return stocktakeOverdue;
    }

    public void afterMovement(Movement movement, Warehouse warehouse, Item item, StockQueries.Standing standingAfter) {
        afterMovements(warehouse, List.of(movement), Map.of(item.id, item),
                standingAfter == null ? Map.of() : Map.of(item.id, standingAfter));
    }

    /**
     * The rules after many movements of one warehouse (a stocktake's corrections), each judged once
     * per subject over the whole set, in a fixed number of statements.
     */
    public void afterMovements(Warehouse warehouse, List<Movement> movements, Map<UUID, Item> items) {
        afterMovements(warehouse, movements, items, Map.of());
    }

    /** {@code standings}: what the postings already read of their items' standings, not read again. */
    private void afterMovements(Warehouse warehouse, List<Movement> movements, Map<UUID, Item> items,
            Map<UUID, StockQueries.Standing> standings) {
        List<Movement> moved = movements.stream().filter(m -> m.delta.signum() != 0).toList();
        if (!moved.isEmpty()) {
            Map<UUID, StorageZone> zones = new HashMap<>();
            moved.forEach(m -> zones.computeIfAbsent(m.zoneId, id -> StorageZone.findById(id)));
            List<Item> touched = moved.stream().map(m -> items.get(m.itemId)).distinct().toList();
            // the stock rules' verdicts are written together: one statement resolves what each no longer finds
            discrepancies.apply(mixedStorage.judgeAll(warehouse, moved.stream()
                            .map(m -> new MixedStorageRule.Placement(zones.get(m.zoneId), items.get(m.itemId)))
                            .distinct().toList())
                    .and(expiredStock.judgeAll(warehouse, items, moved.stream()
                            .map(m -> new StockQueries.Place(null, m.itemId, m.lot)).distinct().toList()))
                    .and(belowStandard.judgeAll(warehouse, touched, standings)));
            personalKit.checkAll(warehouse, touched.stream().filter(i -> i.kind == ItemKind.PERSONAL_KIT).toList());
        }
        for (Movement movement : movements) {
            if (movement.type == MovementType.ISSUE) {
                issuedNotReturned.check(movement.id, null);
            } else if (movement.issueId != null) {
                issuedNotReturned.check(movement.issueId, movement.id);
            }
        }
    }

    /** A reversal undoes {@code original}: re-check the issue it belonged to as well. */
    public void afterReversal(Movement reversal, Movement original, Warehouse warehouse, Item item,
            StockQueries.Standing standingAfter) {
        afterMovement(reversal, warehouse, item, standingAfter);
        if (original.type == MovementType.ADJUSTMENT) {
            adjustmentUnapproved.reversed(original, reversal);
        }
        if (original.type == MovementType.ISSUE) {
            issuedNotReturned.check(original.id, reversal.id);
        } else if (original.issueId != null) {
            issuedNotReturned.check(original.issueId, reversal.id);
        }
    }
}
