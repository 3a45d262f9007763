package org.beiqin.warehouse.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.beiqin.warehouse.Equipment;
import org.beiqin.warehouse.Extinguisher;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.readmodel.EquipmentStates;
import org.beiqin.warehouse.readmodel.ExtinguisherStates;

/**
 * The readiness rules of one extinguisher or piece of equipment, run after each record about it
 * and for all of them in the sweep. Each rule opens or resolves its own key.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EquipmentRules {

    @Inject
    ExtinguisherStates extinguisherStates;
    @Inject
    EquipmentStates equipmentStates;
    @Inject
    ExtinguisherInspectionOverdueRule inspectionOverdue;
    @Inject
    ExtinguisherExpiredRule expired;
    @Inject
    BatteryLowRule batteryLow;
    @Inject
    ChargeCheckOverdueRule chargeCheckOverdue;
    @Inject
    EquipmentFaultyRule faulty;
    @Inject
    PostUseCheckMissingRule postUseCheck;

    public void check(Extinguisher extinguisher) {
        Warehouse warehouse = Warehouse.findById(extinguisher.warehouseId);
        ExtinguisherStates.State state = extinguisherStates.of(extinguisher);
        inspectionOverdue.check(extinguisher, warehouse, state.schedule());
        expired.check(extinguisher, warehouse, state);
    }

    public void check(Equipment equipment) {
        Warehouse warehouse = Warehouse.findById(equipment.warehouseId);
        EquipmentStates.State state = equipmentStates.of(equipment);
        batteryLow.check(equipment, warehouse, state);
        chargeCheckOverdue.check(equipment, warehouse, state);
        faulty.check(equipment, warehouse, state);
        postUseCheck.check(equipment, warehouse, state);
    }

    /** Every extinguisher and piece of equipment not yet scrapped (scrapping resolves their keys). */
    public void sweep() {
        for (Extinguisher extinguisher : Extinguisher.<Extinguisher>list("status <> ?1", Extinguisher.Status.SCRAPPED)) {
            check(extinguisher);
        }
        for (Equipment equipment : Equipment.<Equipment>list("status <> ?1", Equipment.Status.SCRAPPED)) {
            check(equipment);
        }
    }
}
