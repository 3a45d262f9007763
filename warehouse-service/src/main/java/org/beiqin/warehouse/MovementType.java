package org.beiqin.warehouse;

/** The ledger's movement kinds (ARCHITECTURE.md, "Ledgers"). */
public enum MovementType {
    /** 入库 */
    RECEIPT("入库"),
    /** 出库发放, to a named person with a due-back date, or for a drill/incident. */
    ISSUE("出库发放"),
    /** 归还 of an earlier issue. */
    RETURN("归还"),
    TRANSFER_OUT("调出"),
    TRANSFER_IN("调入"),
    /** 报废 */
    SCRAP("报废"),
    /** 调整, with a reason. */
    ADJUSTMENT("调整"),
    /** 盘点更正: the difference a stocktake found, approved and posted. */
    STOCKTAKE_CORRECTION("盘点更正"),
    /** 核销: an issued item that will not come back (lost, used up); no stock changes. */
    WRITE_OFF("核销"),
    /** 冲销: undoes a mistaken movement it points at. */
    REVERSAL("冲销");

    public final String zh;

    MovementType(String zh) {
        this.zh = zh;
    }
}
