package org.beiqin.warehouse.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.problem.Words;
import org.beiqin.commons.security.Caller;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.MovementType;
import org.beiqin.warehouse.StorageZone;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.config.WarehouseConfig;
import org.beiqin.warehouse.readmodel.Lookups;
import org.beiqin.warehouse.readmodel.StockQueries;
import org.beiqin.warehouse.rules.WarehouseRules;

/** The keeper's stock operations. Each is one transaction: ledger line(s), balance, events, rules. */
@ApplicationScoped
@Transactional
public class MovementService {

    @Inject
    WarehouseService warehouses;

    @Inject
    ItemService items;

    @Inject
    StockLedger ledger;

    @Inject
    StockQueries stock;

    @Inject
    WarehouseRules rules;

    @Inject
    WarehouseConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    DrillReferences drills;

    @Inject
    Lookups lookups;

    /** One ledger line the caller may see: 404 when it does not exist or lies outside their area. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Movement visible(UUID id) {
        Movement movement = Movement.findById(id);
        return caller.visibleOr404(movement, movement == null ? null : movement.division, "出入库记录", id);
    }

    public Movement receive(UUID warehouseId, Commands.Receive command) {
        StorageZone usual = command.zoneId() == null ? lookups.loadForReceipt(warehouseId, command.itemId()) : null;
        Warehouse warehouse = warehouses.writable(warehouseId);
        Item item = items.usableIn(command.itemId(), warehouse);
        StorageZone zone = command.zoneId() != null ? zoneOf(warehouse, command.zoneId())
                : usual != null ? usual : defaultZone(warehouse, item);
        String lot = registerLot(item, command.lot(), command.expiresOn());
        Movement m = movement(MovementType.RECEIPT, warehouse, item, zone.id, lot, command.quantity(),
                command.quantity(), command.reason(), command.occurredAt());
        return post(m, warehouse, item);
    }

    public Movement issue(UUID warehouseId, Commands.Issue command) {
        Warehouse warehouse = warehouses.writable(warehouseId);
        Item item = items.usableIn(command.itemId(), warehouse);
        boolean toPerson = command.recipientName() != null && !command.recipientName().isBlank();
        if (!toPerson && command.reference() == null) {
            throw ProblemException.invalid(List.of(
                    new ProblemException.FieldError("recipientName", "issue.recipient-or-reference")));
        }
        if (command.dueBack() != null && !toPerson) {
            throw ProblemException.invalid(List.of(
                    new ProblemException.FieldError("recipientName", "issue.due-back-needs-recipient")));
        }
        StockQueries.Balance from = locate(warehouse, item, command.zoneId(), command.lot(), command.quantity());
        Movement m = movement(MovementType.ISSUE, warehouse, item, from.zoneId(), from.lot(), command.quantity(),
                command.quantity().negate(), command.reason(), command.occurredAt());
        m.recipientName = toPerson ? command.recipientName().strip() : null;
        m.recipientPhone = command.recipientPhone();
        m.dueBack = command.dueBack();
        if (m.dueBack != null && m.dueBack.isBefore(LocalDate.ofInstant(
                m.occurredAt == null ? clock.instant() : m.occurredAt, clock.getZone()))) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("dueBack", "issue.due-back-before-issue")));
        }
        if (command.reference() != null) {
            drills.requireUsable(command.reference().type(), command.reference().id(), warehouse,
                    m.occurredAt == null ? clock.instant() : m.occurredAt, "reference.id");
            m.referenceType = command.reference().type();
            m.referenceId = command.reference().id();
        }
        return post(m, warehouse, item);
    }

    public Movement returnIssued(UUID warehouseId, Commands.Return command) {
        Warehouse warehouse = warehouses.writable(warehouseId);
        Movement issue = lockedIssue(warehouse, command.issueId());
        requireOutstanding(issue, command.quantity());
        Item item = Item.findById(issue.itemId);
        UUID zoneId = command.zoneId() != null ? zoneOf(warehouse, command.zoneId()).id : issue.zoneId;
        Movement m = movement(MovementType.RETURN, warehouse, item, zoneId, issue.lot, command.quantity(),
                command.quantity(), command.reason(), command.occurredAt());
        notBeforeIssue(m, issue);
        m.issueId = issue.id;
        m.recipientName = issue.recipientName;
        m.referenceType = issue.referenceType;
        m.referenceId = issue.referenceId;
        return post(m, warehouse, item);
    }

    public Movement writeOff(UUID warehouseId, Commands.WriteOff command) {
        Warehouse warehouse = warehouses.writable(warehouseId);
        Movement issue = lockedIssue(warehouse, command.issueId());
        requireOutstanding(issue, command.quantity());
        Item item = Item.findById(issue.itemId);
        Movement m = movement(MovementType.WRITE_OFF, warehouse, item, issue.zoneId, issue.lot, command.quantity(),
                BigDecimal.ZERO, command.reason(), command.occurredAt());
        notBeforeIssue(m, issue);
        m.issueId = issue.id;
        m.recipientName = issue.recipientName;
        return post(m, warehouse, item);
    }

    public List<Movement> transfer(UUID warehouseId, Commands.Transfer command) {
        Warehouse source = warehouses.writable(warehouseId);
        Warehouse target = warehouses.writable(command.toWarehouseId());
        if (source.id.equals(target.id) && command.toZoneId() == null) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("toWarehouseId", "transfer.same-place")));
        }
        Item item = items.usableIn(command.itemId(), source);
        items.usableIn(command.itemId(), target);
        StockQueries.Balance from = locate(source, item, command.zoneId(), command.lot(), command.quantity());
        StorageZone toZone = command.toZoneId() != null ? zoneOf(target, command.toZoneId()) : defaultZone(target, item);
        if (toZone.id.equals(from.zoneId())) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("toZoneId", "transfer.same-place")));
        }
        UUID transferId = UUID.randomUUID();
        Movement out = movement(MovementType.TRANSFER_OUT, source, item, from.zoneId(), from.lot(), command.quantity(),
                command.quantity().negate(), command.reason(), command.occurredAt());
        out.transferId = transferId;
        Movement in = movement(MovementType.TRANSFER_IN, target, item, toZone.id, from.lot(), command.quantity(),
                command.quantity(), command.reason(), command.occurredAt());
        in.transferId = transferId;
        return List.of(post(out, source, item), post(in, target, item));
    }

    public Movement scrap(UUID warehouseId, Commands.Scrap command) {
        Warehouse warehouse = warehouses.writable(warehouseId);
        Item item = items.usableIn(command.itemId(), warehouse);
        StockQueries.Balance from = locate(warehouse, item, command.zoneId(), command.lot(), command.quantity());
        return post(movement(MovementType.SCRAP, warehouse, item, from.zoneId(), from.lot(), command.quantity(),
                command.quantity().negate(), command.reason(), command.occurredAt()), warehouse, item);
    }

    public Movement adjust(UUID warehouseId, Commands.Adjust command) {
        if (command.delta().signum() == 0) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("delta", "adjust.zero")));
        }
        Warehouse warehouse = warehouses.writable(warehouseId);
        Item item = items.usableIn(command.itemId(), warehouse);
        UUID zoneId;
        String lot;
        if (command.delta().signum() < 0) {
            StockQueries.Balance from = locate(warehouse, item, command.zoneId(), command.lot(), command.delta().negate());
            zoneId = from.zoneId();
            lot = from.lot();
        } else {
            zoneId = command.zoneId() != null ? zoneOf(warehouse, command.zoneId()).id : defaultZone(warehouse, item).id;
            lot = command.lot() == null ? "" : command.lot().strip();
            if (!lot.isEmpty() && !stock.lotKnown(item.id, lot)) {
                throw ProblemException.unprocessable("lot-unknown", lot);
            }
        }
        if (caller.isCountyApprover()) {
            rules.ledgerMismatch().lockLine(warehouse, zoneId, item.id, lot);
        }
        Movement adjustment = post(movement(MovementType.ADJUSTMENT, warehouse, item, zoneId, lot,
                command.delta().abs(), command.delta(), command.reason(), command.occurredAt()), warehouse, item);
        if (caller.isCountyApprover()) {
            recordApproval(adjustment, "由县级直接调整");
            rules.ledgerMismatch().bookChanged(warehouse, zoneId, item.id, lot, false);
        } else {
            rules.adjustmentUnapproved().posted(adjustment, warehouse, item);
        }
        return adjustment;
    }

    /**
     * The county approves a keeper's adjustment: the balance it set stands, and its
     * ADJUSTMENT_UNAPPROVED finding resolves. Once only; a reversed adjustment has nothing to approve.
     */
    public Movement approveAdjustment(UUID movementId, Commands.Approval command) {
        Movement adjustment = em.find(Movement.class, movementId, LockModeType.PESSIMISTIC_WRITE);
        if (adjustment == null || !caller.covers(adjustment.division)) {
            throw ProblemException.notFound("出入库记录", movementId);
        }
        if (!caller.isCountyApprover()) {
            throw new ProblemException(403, "approval-forbidden");
        }
        if (adjustment.type != MovementType.ADJUSTMENT) {
            throw ProblemException.unprocessable("approval-not-adjustment",
                    Words.of(adjustment.type.zh, adjustment.type));
        }
        if (approved(adjustment.id)) {
            throw ProblemException.conflict("adjustment-already-approved");
        }
        if (Movement.count("reversesId", adjustment.id) > 0) {
            throw ProblemException.conflict("already-reversed", adjustment.id);
        }
        Warehouse warehouse = Warehouse.findById(adjustment.warehouseId);
        rules.ledgerMismatch().lockLine(warehouse, adjustment.zoneId, adjustment.itemId, adjustment.lot);
        recordApproval(adjustment, command == null ? null : command.note());
        rules.adjustmentUnapproved().approved(adjustment, caller.name());
        rules.ledgerMismatch().bookChanged(warehouse, adjustment.zoneId, adjustment.itemId, adjustment.lot, false);
        return adjustment;
    }

    private void recordApproval(Movement adjustment, String note) {
        em.createNativeQuery("""
                INSERT INTO adjustment_approval (movement_id, approved_by, approved_by_name, approved_at, note)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, adjustment.id).setParameter(2, caller.subject()).setParameter(3, caller.name())
                .setParameter(4, clock.instant()).setParameter(5, note == null || note.isBlank() ? null : note.strip())
                .executeUpdate();
    }

    private boolean approved(UUID movementId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM adjustment_approval WHERE movement_id = ?1")
                .setParameter(1, movementId).getSingleResult()).longValue() > 0;
    }

    /** A return or write-off cannot have happened before the issue it settles. */
    private static void notBeforeIssue(Movement m, Movement issue) {
        if (m.occurredAt != null && m.occurredAt.isBefore(issue.occurredAt)) {
            throw ProblemException.unprocessable("occurred-before-issue");
        }
    }

    /** Undoes a mistaken movement; a transfer is undone on both sides. */
    public List<Movement> reverse(UUID movementId, Commands.Reverse command) {
        Movement original = em.find(Movement.class, movementId, LockModeType.PESSIMISTIC_WRITE);
        Warehouse warehouse = original == null ? null : Warehouse.findById(original.warehouseId);
        if (original == null) {
            throw ProblemException.notFound("出入库记录", movementId);
        }
        warehouses.writable(warehouse.id);
        List<Movement> legs = new ArrayList<>();
        if (original.transferId != null) {
            legs.addAll(Movement.<Movement>list("transferId = ?1 order by seq", original.transferId));
        } else {
            legs.add(original);
        }
        List<Movement> reversals = new ArrayList<>();
        for (Movement leg : legs) {
            reversals.add(reverseOne(leg, command.reason()));
        }
        return reversals;
    }

    private Movement reverseOne(Movement original, String reason) {
        if (original.type == MovementType.REVERSAL) {
            throw ProblemException.conflict("reversal-of-reversal");
        }
        // what the county approved (a stocktake's correction, an approved adjustment) only the
        // county can undo: a keeper reversing it would silently take back the approval
        boolean approvedByCounty = original.type == MovementType.STOCKTAKE_CORRECTION
                || original.type == MovementType.ADJUSTMENT && approved(original.id);
        if (approvedByCounty && !caller.isCountyApprover()) {
            throw new ProblemException(403, "reversal-needs-approver",
                    Words.of(original.type.zh, original.type));
        }
        if (Movement.count("reversesId", original.id) > 0) {
            throw ProblemException.conflict("already-reversed", original.id);
        }
        if (original.type == MovementType.ISSUE && stock.settlements(original.id) > 0) {
            throw ProblemException.conflict("reversal-has-settlements");
        }
        Warehouse warehouse = warehouses.writable(original.warehouseId);
        if (approvedByCounty) {
            // before any row lock, as every change of a line's book takes it: an approval of a count
            // holds the warehouse's lock while it locks balances and findings
            rules.ledgerMismatch().lockLine(warehouse, original.zoneId, original.itemId, original.lot);
        }
        Item item = Item.findById(original.itemId);
        Movement m = movement(MovementType.REVERSAL, warehouse, item, original.zoneId, original.lot, original.quantity,
                original.delta.negate(), reason, null);
        m.reversesId = original.id;
        m.issueId = original.issueId;
        m.transferId = original.transferId;
        m.referenceType = original.referenceType;
        m.referenceId = original.referenceId;
        StockLedger.Posted reversal = ledger.post(m, item);
        Movement posted = reversal.movement();
        rules.afterReversal(posted, original, warehouse, item, reversal.standing());
        if (approvedByCounty) {
            rules.ledgerMismatch().bookChanged(warehouse, original.zoneId, original.itemId, original.lot, true);
        }
        return posted;
    }

    /** One approved difference of a stocktake: what to post on one stock line. */
    public record Correction(UUID zoneId, UUID itemId, String lot, BigDecimal difference) {
    }

    /**
     * Posts a stocktake's approved differences, all in a fixed number of statements (ledger rows,
     * balances, events, then the rules over the whole set), in the order given.
     */
    List<Movement> correctAll(Warehouse warehouse, Map<UUID, Item> items, List<Correction> corrections, String reason,
            UUID stocktakeId) {
        List<Movement> batch = corrections.stream().map(c -> {
            Movement m = movement(MovementType.STOCKTAKE_CORRECTION, warehouse, items.get(c.itemId()), c.zoneId(),
                    c.lot(), c.difference().abs(), c.difference(), reason, null);
            m.stocktakeId = stocktakeId;
            return m;
        }).toList();
        List<Movement> posted = ledger.postAll(warehouse.id, batch, items);
        rules.afterMovements(warehouse, posted, items);
        return posted;
    }

    private Movement post(Movement m, Warehouse warehouse, Item item) {
        StockLedger.Posted posted = ledger.post(m, item);
        rules.afterMovement(posted.movement(), warehouse, item, posted.standing());
        return posted.movement();
    }

    private static Movement movement(MovementType type, Warehouse warehouse, Item item, UUID zoneId, String lot,
            BigDecimal quantity, BigDecimal delta, String reason, Instant occurredAt) {
        Movement m = new Movement();
        m.type = type;
        m.warehouseId = warehouse.id;
        m.division = warehouse.division;
        m.itemId = item.id;
        m.zoneId = zoneId;
        m.lot = lot == null ? "" : lot;
        m.quantity = quantity;
        m.delta = delta;
        m.reason = reason == null || reason.isBlank() ? null : reason.strip();
        m.occurredAt = occurredAt;
        return m;
    }

    private Movement lockedIssue(Warehouse warehouse, UUID issueId) {
        Movement issue = em.find(Movement.class, issueId, LockModeType.PESSIMISTIC_WRITE);
        if (issue == null || issue.type != MovementType.ISSUE || !issue.warehouseId.equals(warehouse.id)) {
            throw ProblemException.notFound("发放记录", issueId);
        }
        return issue;
    }

    private void requireOutstanding(Movement issue, BigDecimal quantity) {
        BigDecimal outstanding = stock.outstanding(issue.id);
        if (quantity.compareTo(outstanding) > 0) {
            throw new ProblemException(409, "more-than-outstanding", List.of(),
                    Map.of("outstanding", outstanding), outstanding.stripTrailingZeros().toPlainString());
        }
    }

    private static StorageZone zoneOf(Warehouse warehouse, UUID zoneId) {
        StorageZone zone = StorageZone.findById(zoneId);
        if (zone == null || !zone.warehouseId.equals(warehouse.id)) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("zoneId", "zone.not-in-warehouse")));
        }
        return zone;
    }

    private static StorageZone defaultZone(Warehouse warehouse, Item item) {
        return StorageZone.<StorageZone>find("warehouseId = ?1 and category = ?2 order by name", warehouse.id,
                item.category).firstResultOptional()
                .orElseThrow(() -> ProblemException.unprocessable("zone-required",
                        Words.of(item.category.zh, item.category)));
    }

    /** Registers a lot (with its expiry for shelf-life items); returns its code, '' for none. */
    private String registerLot(Item item, String lotCode, LocalDate expiresOn) {
        String lot = lotCode == null ? "" : lotCode.strip();
        boolean shelfLife = config.items().shelfLifeKinds().contains(item.kind);
        if (shelfLife && lot.isEmpty()) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("lot", "lot.required")));
        }
        if (lot.isEmpty()) {
            return lot;
        }
        var known = stock.lotKnown(item.id, lot) ? stock.expiry(item.id, lot) : null;
        if (known == null) {
            if (shelfLife && expiresOn == null) {
                throw ProblemException.invalid(List.of(new ProblemException.FieldError("expiresOn", "lot.expiry-required")));
            }
            em.createNativeQuery("INSERT INTO stock_lot (item_id, code, expires_on) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, item.id).setParameter(2, lot).setParameter(3, expiresOn).executeUpdate();
        } else if (expiresOn != null && !known.map(expiresOn::equals).orElse(false)) {
            throw ProblemException.conflict("lot-expiry-conflict", lot, known.map(LocalDate::toString).orElse("—"));
        }
        return lot;
    }

    /**
     * Where to take stock from: the zone and lot given, or — when the item sits in only one place —
     * that place. With several places the keeper must say which (no silent guess).
     */
    private StockQueries.Balance locate(Warehouse warehouse, Item item, UUID zoneId, String lot, BigDecimal quantity) {
        if (zoneId != null) {
            zoneOf(warehouse, zoneId);
        }
        String lotCode = lot == null ? null : lot.strip();
        List<StockQueries.Balance> candidates = stock.balances(warehouse.id, item.id).stream()
                .filter(b -> zoneId == null || b.zoneId().equals(zoneId))
                .filter(b -> lotCode == null || b.lot().equals(lotCode))
                .toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            if (zoneId != null) {
                return new StockQueries.Balance(warehouse.id, zoneId, item.id, lotCode == null ? "" : lotCode,
                        BigDecimal.ZERO, null);
            }
            throw new ProblemException(409, "insufficient-stock", List.of(),
                    Map.of("available", BigDecimal.ZERO, "requested", quantity), "0",
                    quantity.stripTrailingZeros().toPlainString());
        }
        throw new ProblemException(422, "stock-location-ambiguous", List.of(), Map.of("locations", candidates.stream()
                .map(b -> Map.of("zoneId", b.zoneId().toString(), "lot", b.lot(), "quantity", b.quantity()))
                .toList()), item.name);
    }
}
