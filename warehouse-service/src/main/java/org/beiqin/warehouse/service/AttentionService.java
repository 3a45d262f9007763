package org.beiqin.warehouse.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.beiqin.warehouse.Equipment;
import org.beiqin.warehouse.Extinguisher;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Movement;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.config.RuleParameters;
import org.beiqin.warehouse.readmodel.EquipmentStates;
import org.beiqin.warehouse.readmodel.ExtinguisherSchedule;
import org.beiqin.warehouse.readmodel.ExtinguisherStates;
import org.beiqin.warehouse.readmodel.StockQueries;
import org.beiqin.warehouse.readmodel.Times;

/**
 * "What needs attention this week": everything due within the horizon or already overdue, in one
 * list sorted by urgency (most overdue first) — extinguisher checks, inspections, services and
 * scrap dates, charge readings, unrepaired faults, post-use checks, loans due back, lots
 * expiring, the next stocktake.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AttentionService {

    /** One thing to do: {@code daysOverdue} is negative while it is still ahead. */
    public record Entry(String warehouseId, String warehouseName, String kind, String subjectId, String label,
            LocalDate dueOn, long daysOverdue, String zh, String en) {
    }

    @Inject
    ExtinguisherStates extinguisherStates;
    @Inject
    EquipmentStates equipmentStates;
    @Inject
    StockQueries stock;
    @Inject
    RuleParameters parameters;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public List<Entry> forWarehouses(List<Warehouse> warehouses, int days) {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(days);
        List<Entry> entries = new ArrayList<>();
        for (Warehouse w : warehouses) {
            Adder add = (kind, id, label, due, zh, en) -> {
                if (due != null && !due.isAfter(horizon)) {
                    entries.add(new Entry(w.id.toString(), w.name, kind, id, label, due,
                            ChronoUnit.DAYS.between(due, today), zh, en));
                }
            };
            for (Extinguisher e : Extinguisher.<Extinguisher>list("warehouseId = ?1 and status = ?2", w.id,
                    Extinguisher.Status.IN_SERVICE)) {
                ExtinguisherSchedule s = extinguisherStates.of(e).schedule();
                String id = e.id.toString();
                add.add("extinguisher.monthlyCheck", id, e.label, s.monthlyCheckDue(), "灭火器月度检查", "Monthly extinguisher check");
                add.add("extinguisher.annualInspection", id, e.label, s.annualInspectionDue(), "灭火器年度检测",
                        "Annual extinguisher inspection");
                add.add("extinguisher.service", id, e.label, s.serviceDue(), "灭火器定期送修", "Extinguisher service");
                add.add("extinguisher.scrap", id, e.label, s.scrapOn().minusDays(1), "灭火器到达报废年限", "Extinguisher scrap age");
            }
            for (Equipment e : Equipment.<Equipment>list("warehouseId = ?1 and status <> ?2", w.id,
                    Equipment.Status.SCRAPPED)) {
                EquipmentStates.State s = equipmentStates.of(e);
                String id = e.id.toString();
                if (e.batteryPowered) {
                    Instant since = s.lastReadingAt() != null ? s.lastReadingAt() : e.registeredAt;
                    add.add("equipment.chargeReading", id, e.label,
                            date(since).plusDays(parameters.chargeIntervalDays(e.kind.name())), "检查电量", "Charge reading");
                }
                if (e.status == Equipment.Status.FAULTY && s.faultSince() != null) {
                    add.add("equipment.repair", id, e.label,
                            date(s.faultSince()).plusDays(parameters.faultRepairDays(e.division)), "故障维修或报废",
                            "Repair or scrap the fault");
                }
                if (s.uncheckedSince() != null) {
                    add.add("equipment.postUseCheck", id, e.label,
                            date(s.uncheckedSince()).plusDays(parameters.postUseCheckDays(e.division)), "使用后检查",
                            "Check after use");
                }
            }
            Map<UUID, BigDecimal> loans = stock.openLoans(w.id);
            for (var loan : loans.entrySet()) {
                Movement issue = Movement.findById(loan.getKey());
                if (issue.dueBack != null) {
                    Item item = Item.findById(issue.itemId);
                    add.add("loan.dueBack", issue.id.toString(), item.name + " → " + issue.recipientName, issue.dueBack,
                            "发放物资应归还", "Issued stock due back");
                }
            }
            for (StockQueries.Balance b : stock.balances(w.id, null)) {
                if (b.expiresOn() != null) {
                    Item item = Item.findById(b.itemId());
                    add.add("lot.expiry", b.itemId() + ":" + b.lot(), item.name + " 批次" + b.lot(), b.expiresOn(),
                            "批次到期", "Lot expires");
                }
            }
            Object last = em.createNativeQuery("SELECT max(submitted_at) FROM stocktake WHERE warehouse_id = ?1")
                    .setParameter(1, w.id).getSingleResult();
            Instant since = last == null ? w.createdAt : Times.instant(last);
            add.add("stocktake", w.id.toString(), w.name,
                    date(since).plusDays(parameters.stocktakeOverdueDays(w.division)), "定期盘库", "Stocktake");
        }
        entries.sort(Comparator.comparing(Entry::dueOn).thenComparing(Entry::warehouseName).thenComparing(Entry::label));
        return entries;
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, CHINA);
    }

    @FunctionalInterface
    private interface Adder {
        void add(String kind, String subjectId, String label, LocalDate dueOn, String zh, String en);
    }
}
