package org.beiqin.drill.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.beiqin.drill.DrawnSupply;
import org.beiqin.drill.DeadlineChange;
import org.beiqin.drill.Drill;
import org.beiqin.drill.DrillStatus;
import org.beiqin.drill.Evaluation;
import org.beiqin.drill.ImprovementAction;
import org.beiqin.drill.Parts;
import org.beiqin.drill.rules.ThreeOutagesRule;
import org.beiqin.drill.service.DrillQueries;

/** What the API returns; entities never leave as JSON. */
public final class Views {

    private Views() {
    }

    public record Scenario(boolean networkOutage, boolean powerOutage, boolean roadCut, boolean threeOutages) {
    }

    public record DrillSummary(UUID id, String division, String title, Drill.Kind kind, String hazard,
            Scenario scenario, LocalDate scheduledOn, DrillStatus status, String statusLabel, boolean evaluated,
            LocalDate evaluatedOn, long openActions, long overdueActions, boolean imported, int version) {

        static DrillSummary from(DrillQueries.Listed l) {
            Drill d = l.drill();
            return new DrillSummary(d.id, d.division, d.title, d.kind, d.hazard, scenarioOf(d), d.scheduledOn, d.status,
                    d.status.zh, l.evaluation() != null, l.evaluation() == null ? null : l.evaluation().evaluatedOn,
                    l.openActions(), l.overdueActions(), d.imported, d.version);
        }
    }

    public record Conduct(Instant actualStart, Instant actualEnd, List<String> tookPart, String deviations) {
    }

    public record EvaluationView(LocalDate evaluatedOn, List<Parts.Rating> ratings, String strengths,
            String areasForImprovement, String evaluatedBy, Instant recordedAt) {
    }

    public record ActionView(UUID id, int position, String description, String owner, LocalDate deadline,
            ImprovementAction.Status status, String evidence, Instant doneAt, int version,
            List<DeadlineChangeView> deadlineChanges) {

        static ActionView from(ImprovementAction a, List<DeadlineChange> changes) {
            return new ActionView(a.id, a.position, a.description, a.owner, a.deadline, a.status, a.evidence, a.doneAt,
                    a.version, changes.stream().filter(c -> c.actionId.equals(a.id)).map(DeadlineChangeView::from)
                            .toList());
        }
    }

    /** 未完成的整改措施: the open actions shown (soonest deadline first) and how many there are in all. */
    public record OpenActions(long total, List<OpenAction> actions) {

        static OpenActions from(DrillQueries.OpenActions open) {
            return new OpenActions(open.total(), open.actions().stream().map(OpenAction::from).toList());
        }
    }

    public record OpenAction(UUID id, UUID drillId, String drillTitle, String division, String description, String owner,
            LocalDate deadline) {

        static OpenAction from(DrillQueries.OpenAction a) {
            return new OpenAction(a.action().id, a.drill().id, a.drill().title, a.drill().division, a.action().description,
                    a.action().owner, a.action().deadline);
        }
    }

    /** 时限调整记录: from, to, why, who, when. */
    public record DeadlineChangeView(LocalDate from, LocalDate to, String reason, String changedBy, Instant changedAt) {

        static DeadlineChangeView from(DeadlineChange c) {
            return new DeadlineChangeView(c.from, c.to, c.reason, c.changedByName, c.changedAt);
        }
    }

    public record Drawn(String movementId, String warehouseId, String itemId, String itemName, BigDecimal quantity,
            String unit, Instant occurredAt, boolean reversed) {

        static Drawn from(DrawnSupply d) {
            return new Drawn(d.movementId, d.warehouseId, d.itemId, d.itemName, d.quantity, d.unit, d.occurredAt,
                    d.reversed);
        }
    }

    public record DrillDetail(UUID id, String division, String title, String organisingUnit, Drill.Kind kind,
            boolean announced, String hazard, Scenario scenario, List<String> objectives, LocalDate scheduledOn,
            String place, List<Parts.Unit> units, List<Parts.Participant> participants, List<Parts.Supply> supplies,
            DrillStatus status, String statusLabel, Instant approvedAt, String approvedBy, Conduct conduct,
            EvaluationView evaluation, List<ActionView> actions, List<Drawn> drawn, String reference,
            boolean imported, String cancelReason, int version) {

        static DrillDetail from(Drill d, Evaluation e, List<ImprovementAction> actions, List<DrawnSupply> drawn) {
            List<DeadlineChange> changes = DeadlineChange.of(actions.stream().map(a -> a.id).toList());
            return new DrillDetail(d.id, d.division, d.title, d.organisingUnit, d.kind, d.announced, d.hazard,
                    scenarioOf(d), d.objectives, d.scheduledOn, d.place, d.units, d.participants, d.supplies, d.status,
                    d.status.zh, d.approvedAt, d.approvedBy,
                    d.actualStart == null ? null : new Conduct(d.actualStart, d.actualEnd, d.tookPart, d.deviations),
                    e == null ? null : new EvaluationView(e.evaluatedOn, e.ratings, e.strengths, e.improvements,
                            e.evaluatedBy, e.recordedAt),
                    actions.stream().map(a -> ActionView.from(a, changes)).toList(),
                    drawn.stream().map(Drawn::from).toList(),
                    "{\"type\":\"drill\",\"id\":\"" + d.id + "\"}", d.imported, d.cancelReason, d.version);
        }
    }

    public record ThreeOutages(String township, int season, LocalDate since, LocalDate seasonStart, boolean drilled,
            LocalDate lastDrilled, boolean checkedNow) {

        static ThreeOutages from(ThreeOutagesRule.Standing s) {
            return new ThreeOutages(s.township(), s.season(), s.windowStart(), s.seasonStart(), s.drilled(),
                    s.lastDrilled().orElse(null), s.checked());
        }
    }

    static Scenario scenarioOf(Drill d) {
        return new Scenario(d.networkOutage, d.powerOutage, d.roadCut, d.coversThreeOutages());
    }
}
