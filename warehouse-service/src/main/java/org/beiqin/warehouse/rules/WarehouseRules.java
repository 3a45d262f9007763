package org.beiqin.warehouse.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.ItemKind;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.MovementType;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;

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

    public void afterMovement(Movement movement, Warehouse warehouse, Item item) {
        if (movement.delta.signum() != 0) {
            mixedStorage.check(warehouse, StorageZone.findById(movement.zoneId), item);
            expiredStock.check(warehouse, item, movement.lot);
            belowStandard.check(warehouse, item);
            if (item.kind == ItemKind.PERSONAL_KIT) {
                personalKit.check(warehouse, item);
            }
        }
        if (movement.type == MovementType.ISSUE) {
            issuedNotReturned.check(movement.id, null);
        } else if (movement.issueId != null) {
            issuedNotReturned.check(movement.issueId, movement.id);
        }
    }

    /** A reversal undoes {@code original}: re-check the issue it belonged to as well. */
    public void afterReversal(Movement reversal, Movement original, Warehouse warehouse, Item item) {
        afterMovement(reversal, warehouse, item);
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
