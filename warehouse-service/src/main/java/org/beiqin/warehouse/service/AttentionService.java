package org.beiqin.warehouse.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.beiqin.warehouse.Equipment;
import org.beiqin.warehouse.Extinguisher;
import org.beiqin.warehouse.Item;
import org.beiqin.warehouse.Warehouse;
import org.beiqin.warehouse.config.RuleParameters;
import org.beiqin.warehouse.readmodel.EquipmentStates;
import org.beiqin.warehouse.readmodel.ExtinguisherSchedule;
import org.beiqin.warehouse.readmodel.ExtinguisherStates;
import org.beiqin.warehouse.readmodel.Lookups;
import org.beiqin.warehouse.readmodel.StockQueries;

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
    Lookups lookups;
    @Inject
    Clock clock;

    /**
     * Everything due within {@code days} (or overdue) in the warehouses, most urgent first. The
     * extinguishers, the equipment and their histories, the loans and lots falling due, and the last
     * stocktakes are read in a few queries for all the warehouses at once, so a county's view costs
     * the same handful of queries as one warehouse's; loans and lots are filtered to the horizon by
     * the database.
     */
    public List<Entry> forWarehouses(List<Warehouse> warehouses, int days) {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(days);
        List<Entry> entries = new ArrayList<>();
        if (warehouses.isEmpty()) {
            return entries;
        }
        Map<UUID, Warehouse> byId = warehouses.stream()
                .collect(Collectors.toMap(w -> w.id, w -> w, (a, b) -> a, LinkedHashMap::new));
        List<UUID> ids = List.copyOf(byId.keySet());
        Function<UUID, Adder> adder = warehouseId -> (kind, id, label, due, zh, en) -> {
            if (due != null && !due.isAfter(horizon)) {
                Warehouse w = byId.get(warehouseId);
                entries.add(new Entry(w.id.toString(), w.name, kind, id, label, due, ChronoUnit.DAYS.between(due, today),
                        zh, en));
            }
        };

        List<Extinguisher> extinguishers = Extinguisher.list("warehouseId in ?1 and status = ?2", ids,
                Extinguisher.Status.IN_SERVICE);
        Map<UUID, ExtinguisherStates.State> extinguisherStateOf = extinguisherStates.of(extinguishers);
        for (Extinguisher e : extinguishers) {
            ExtinguisherSchedule s = extinguisherStateOf.get(e.id).schedule();
            Adder add = adder.apply(e.warehouseId);
            String id = e.id.toString();
            add.add("extinguisher.monthlyCheck", id, e.label, s.monthlyCheckDue(), "灭火器月度检查", "Monthly extinguisher check");
            add.add("extinguisher.annualInspection", id, e.label, s.annualInspectionDue(), "灭火器年度检测",
                    "Annual extinguisher inspection");
            add.add("extinguisher.service", id, e.label, s.serviceDue(), "灭火器定期送修", "Extinguisher service");
            add.add("extinguisher.scrap", id, e.label, s.scrapOn().minusDays(1), "灭火器到达报废年限", "Extinguisher scrap age");
        }

        List<Equipment> equipment = Equipment.list("warehouseId in ?1 and status <> ?2", ids, Equipment.Status.SCRAPPED);
        Map<UUID, EquipmentStates.State> equipmentStateOf = equipmentStates.of(equipment);
        for (Equipment e : equipment) {
            EquipmentStates.State s = equipmentStateOf.get(e.id);
            Adder add = adder.apply(e.warehouseId);
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

        // only what falls due within the horizon is read: the database filters, not the loop
        List<StockQueries.DueLoan> loans = stock.loansDueBy(ids, horizon);
        List<StockQueries.Balance> lots = stock.expiringLots(ids, horizon);
        Map<UUID, Item> items = lookups.items(Stream.concat(loans.stream().map(StockQueries.DueLoan::itemId),
                lots.stream().map(StockQueries.Balance::itemId)).toList());
        for (StockQueries.DueLoan loan : loans) {
            adder.apply(loan.warehouseId()).add("loan.dueBack", loan.issueId().toString(),
                    items.get(loan.itemId()).name + " → " + loan.recipientName(), loan.dueBack(), "发放物资应归还",
                    "Issued stock due back");
        }
        for (StockQueries.Balance b : lots) {
            adder.apply(b.warehouseId()).add("lot.expiry", b.itemId() + ":" + b.lot(),
                    items.get(b.itemId()).name + " 批次" + b.lot(), b.expiresOn(), "批次到期", "Lot expires");
        }

        Map<UUID, Instant> lastSubmitted = new HashMap<>();
        for (Object[] row : em.createQuery("""
                select s.warehouseId, max(s.submittedAt) from Stocktake s
                where s.warehouseId in :ids group by s.warehouseId""", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            lastSubmitted.put((UUID) row[0], (Instant) row[1]);
        }
        for (Warehouse w : byId.values()) {
            Instant since = lastSubmitted.get(w.id) == null ? w.createdAt : lastSubmitted.get(w.id);
            adder.apply(w.id).add("stocktake", w.id.toString(), w.name,
                    date(since).plusDays(parameters.stocktakeOverdueDays(w.division)), "定期盘库", "Stocktake");
        }
        entries.sort(Comparator.comparing(Entry::dueOn).thenComparing(Entry::warehouseName).thenComparing(Entry::label)
                .thenComparing(Entry::warehouseId).thenComparing(Entry::kind).thenComparing(Entry::subjectId));
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
