package org.beiqin.drill.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.beiqin.commons.security.Caller;
import org.beiqin.drill.DrawnSupply;
import org.beiqin.drill.Drill;
import org.beiqin.drill.Evaluation;
import org.beiqin.drill.ImprovementAction;
import org.beiqin.drill.rules.ThreeOutagesRule;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Reads of drills, always within the caller's division. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DrillQueries {

    /** A drill with what a county asks of it first: is it evaluated, what is still to improve. */
    public record Listed(Drill drill, Evaluation evaluation, long openActions, long overdueActions) {
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ThreeOutagesRule threeOutages;

    public List<Listed> list(String division, LocalDate from, LocalDate to) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        StringBuilder query = new StringBuilder("division like :division");
        Parameters parameters = Parameters.with("division", scope + "%");
        if (from != null) {
            query.append(" and scheduledOn >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and scheduledOn <= :to");
            parameters.and("to", to);
        }
        List<Drill> drills = Drill.list(query.toString(), Sort.descending("scheduledOn").and("id"), parameters);
        if (drills.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = drills.stream().map(d -> d.id).toList();
        Map<UUID, Evaluation> evaluations = new HashMap<>();
        Evaluation.<Evaluation>list("drillId in ?1", ids).forEach(e -> evaluations.put(e.drillId, e));
        Map<UUID, long[]> actions = new HashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        for (ImprovementAction a : ImprovementAction.<ImprovementAction>list("drillId in ?1 and status = ?2", ids,
                ImprovementAction.Status.OPEN)) {
            long[] counts = actions.computeIfAbsent(a.drillId, k -> new long[2]);
            counts[0]++;
            if (a.deadline.isBefore(today)) {
                counts[1]++;
            }
        }
        return drills.stream().map(d -> {
            long[] counts = actions.getOrDefault(d.id, new long[2]);
            return new Listed(d, evaluations.get(d.id), counts[0], counts[1]);
        }).toList();
    }

    /** An improvement action still open, with the drill it came from. */
    public record OpenAction(ImprovementAction action, Drill drill) {
    }

    /** The open improvement actions of a division's drills, soonest deadline first: at most {@code limit}, and how many in all. */
    public record OpenActions(long total, List<OpenAction> actions) {
    }

    public OpenActions openActions(String division, int limit) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        long total = em.createQuery("SELECT count(a) FROM ImprovementAction a, Drill d WHERE a.drillId = d.id"
                + " AND d.division LIKE :division AND a.status = :open", Long.class)
                .setParameter("division", scope + "%").setParameter("open", ImprovementAction.Status.OPEN)
                .getSingleResult();
        List<OpenAction> actions = em.createQuery("SELECT a, d FROM ImprovementAction a, Drill d WHERE a.drillId = d.id"
                + " AND d.division LIKE :division AND a.status = :open ORDER BY a.deadline, d.scheduledOn DESC, d.id, a.position",
                Object[].class)
                .setParameter("division", scope + "%").setParameter("open", ImprovementAction.Status.OPEN)
                .setMaxResults(limit).getResultStream()
                .map(row -> new OpenAction((ImprovementAction) row[0], (Drill) row[1])).toList();
        return new OpenActions(total, actions);
    }

    public Evaluation evaluation(UUID drillId) {
        return Evaluation.findById(drillId);
    }

    public List<ImprovementAction> actions(UUID drillId) {
        return ImprovementAction.list("drillId = ?1 order by position", drillId);
    }

    public List<DrawnSupply> drawn(UUID drillId) {
        return DrawnSupply.list("drillId = ?1 order by occurredAt", drillId);
    }

    /** Every township of {@code division} the service knows, and whether it drilled the 三断 for a season. */
    @Transactional
    public List<ThreeOutagesRule.Standing> threeOutages(String division, int season) {
        String scope = division == null ? caller.division() : division;
        caller.requireCovers(scope);
        return threeOutages.townships(scope).stream().map(t -> threeOutages.standing(t, season)).toList();
    }
}
