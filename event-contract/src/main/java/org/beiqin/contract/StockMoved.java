package org.beiqin.contract;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of {@value EventTypes#STOCK_MOVED} on {@value Topics#WAREHOUSE_MOVEMENTS}: one
 * posted ledger line. {@code delta} is the signed change to the warehouse's balance;
 * {@code reference} ties an issue to a drill or an incident.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StockMoved(
        String movementId,
        String type,
        String division,
        String warehouseId,
        String itemId,
        String itemName,
        String lot,
        BigDecimal quantity,
        BigDecimal delta,
        String unit,
        Reference reference,
        String reversesMovementId,
        String actor,
        Instant occurredAt,
        Instant recordedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reference(String type, String id) {
    }
}
