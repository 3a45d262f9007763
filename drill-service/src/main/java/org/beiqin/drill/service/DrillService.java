package org.beiqin.drill.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException.FieldError;
import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.problem.Words;
import org.beiqin.commons.security.Caller;
import org.beiqin.commons.security.Roles;
import org.beiqin.commons.time.Wording;
import org.beiqin.drill.DeadlineChange;
import org.beiqin.drill.Drill;
import org.beiqin.drill.DrillStatus;
import org.beiqin.drill.Evaluation;
import org.beiqin.drill.ImprovementAction;
import org.beiqin.drill.Parts;
import org.beiqin.drill.rules.EvaluationRules;
import org.beiqin.drill.rules.ImprovementOverdueRule;
import org.beiqin.drill.rules.PlanRules;
import org.beiqin.drill.rules.SuppliesNotDrawnRule;
import org.beiqin.drill.rules.ThreeOutagesRule;

/**
 * A drill's life: a draft plan, its approval (refused while a unit lacks a contact or a participant
 * a task), its conduct, its evaluation (never dated before the approval or the drill) with
 * improvement actions — or its cancellation. Imported history is taken as it was and left to the
 * rules. Every write runs the rules its subject touches.
 */
@ApplicationScoped
@Transactional
public class DrillService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    PlanRules planRules;

    @Inject
    EvaluationRules evaluationRules;

    @Inject
    SuppliesNotDrawnRule suppliesRule;

    @Inject
    ImprovementOverdueRule improvementRule;

    @Inject
    ThreeOutagesRule threeOutages;

    @Inject
    DrillFacts facts;

    public Drill create(Commands.Plan plan) {
        caller.requireCovers(plan.division());
        Drill drill = new Drill();
        drill.id = UUID.randomUUID();
        apply(drill, plan);
        drill.status = DrillStatus.DRAFT;
        drill.createdBy = caller.subject();
        drill.createdAt = clock.instant();
        drill.updatedAt = drill.createdAt;
        drill.persist();
        facts.publish(drill);
        return drill;
    }

    public Drill updatePlan(UUID id, Commands.Plan plan, int version) {
        Drill drill = locked(id);
        ProblemException.requireVersion(version, drill.version);
        requireStatus(drill, DrillStatus.DRAFT);
        caller.requireCovers(plan.division());
        apply(drill, plan);
        return touched(drill);
    }

    /** Units can be completed in any state but cancelled: that is how an imported gap is closed. */
    public Drill updateUnits(UUID id, Commands.Units units) {
        Drill drill = locked(id);
        ProblemException.requireVersion(units.version(), drill.version);
        requireNot(drill, DrillStatus.CANCELLED);
        drill.units = List.copyOf(units.units());
        planRules.check(drill);
        return touched(drill);
    }

    public Drill updateParticipants(UUID id, Commands.Participants participants) {
        Drill drill = locked(id);
        ProblemException.requireVersion(participants.version(), drill.version);
        requireNot(drill, DrillStatus.CANCELLED);
        drill.participants = List.copyOf(participants.participants());
        planRules.check(drill);
        return touched(drill);
    }

    public Drill approve(UUID id) {
        Drill drill = locked(id);
        requireStatus(drill, DrillStatus.DRAFT);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < drill.units.size(); i++) {
            if (!drill.units.get(i).hasContact()) {
                errors.add(new FieldError("units[" + i + "].contact", "unit-contact-missing"));
            }
        }
        for (int i = 0; i < drill.participants.size(); i++) {
            if (!drill.participants.get(i).hasRole()) {
                errors.add(new FieldError("participants[" + i + "].role", "participant-role-missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        drill.status = DrillStatus.APPROVED;
        drill.approvedAt = clock.instant();
        drill.approvedBy = caller.name();
        planRules.check(drill);
        return touched(drill);
    }

    public Drill conduct(UUID id, Commands.Conduct conduct) {
        Drill drill = locked(id);
        requireStatus(drill, DrillStatus.APPROVED);
        if (conduct.actualEnd().isBefore(conduct.actualStart())) {
            throw ProblemException.invalid(List.of(new FieldError("actualEnd", "end-before-start")));
        }
        if (conduct.actualStart().isBefore(drill.approvedAt)) {
            throw ProblemException.unprocessable("conducted-before-approval", drill.approvedAt);
        }
        drill.actualStart = conduct.actualStart();
        drill.actualEnd = conduct.actualEnd();
        drill.tookPart = conduct.tookPart() == null ? List.of() : List.copyOf(conduct.tookPart());
        drill.deviations = conduct.deviations();
        drill.status = DrillStatus.CONDUCTED;
        afterConduct(drill, null);
        return touched(drill);
    }

    public Drill evaluate(UUID id, Commands.Evaluate command) {
        Drill drill = locked(id);
        requireStatus(drill, DrillStatus.CONDUCTED);
        requireNotBefore(drill, command.evaluatedOn());
        checkRatings(drill, command.ratings());
        Evaluation evaluation = new Evaluation();
        evaluation.drillId = drill.id;
        evaluation.evaluatedOn = command.evaluatedOn();
        evaluation.ratings = List.copyOf(command.ratings());
        evaluation.strengths = command.strengths();
        evaluation.improvements = command.areasForImprovement();
        evaluation.evaluatedBy = caller.name();
        evaluation.recordedAt = clock.instant();
        evaluation.persist();
        List<Commands.Action> actions = command.actions() == null ? List.of() : command.actions();
        for (int i = 0; i < actions.size(); i++) {
            ImprovementAction action = new ImprovementAction();
            action.id = UUID.randomUUID();
            action.drillId = drill.id;
            action.position = i + 1;
            action.description = actions.get(i).description().strip();
            action.owner = actions.get(i).owner().strip();
            action.deadline = actions.get(i).deadline();
            action.status = ImprovementAction.Status.OPEN;
            action.persist();
        }
        drill.status = DrillStatus.EVALUATED;
        evaluationRules.check(drill, evaluation);
        return touched(drill);
    }

    /** Corrects an evaluation's date; the new date must follow the approval and the drill. */
    public Drill correctEvaluationDate(UUID id, LocalDate evaluatedOn) {
        Drill drill = locked(id);
        Evaluation evaluation = Evaluation.findById(drill.id);
        if (evaluation == null) {
            throw ProblemException.conflict("drill-status", status(drill.status), status(DrillStatus.EVALUATED));
        }
        requireNotBefore(drill, evaluatedOn);
        evaluation.evaluatedOn = evaluatedOn;
        evaluationRules.check(drill, evaluation);
        return touched(drill);
    }

    public ImprovementAction actionDone(UUID id, UUID actionId, Commands.ActionDone done) {
        Drill drill = visible(id);
        ImprovementAction action = ImprovementAction.findById(actionId, LockModeType.PESSIMISTIC_WRITE);
        if (action == null || !action.drillId.equals(drill.id)) {
            throw ProblemException.notFound("改进措施", actionId);
        }
        ProblemException.requireVersion(done.version(), action.version);
        if (action.status == ImprovementAction.Status.DONE) {
            throw ProblemException.conflict("action-done", day(action.doneAt));
        }
        action.status = ImprovementAction.Status.DONE;
        action.evidence = done.evidence().strip();
        action.doneAt = clock.instant();
        improvementRule.done(drill, action);
        ImprovementAction.flush();
        return action;
    }

    /**
     * Moves an open improvement action's deadline, with the reason on record. The county office
     * over the drill grants extensions, also of an overdue action; the organising division's
     * office (its duty officers) may reschedule its own action only while it is not yet overdue —
     * a unit does not clear its own overdue finding by moving the date.
     */
    public ImprovementAction changeDeadline(UUID id, UUID actionId, Commands.Deadline change) {
        Drill drill = visible(id);
        ImprovementAction action = ImprovementAction.findById(actionId, LockModeType.PESSIMISTIC_WRITE);
        if (action == null || !action.drillId.equals(drill.id)) {
            throw ProblemException.notFound("改进措施", actionId);
        }
        boolean county = caller.isCountyOffice();
        boolean organiser = caller.division().equals(drill.division)
                && (caller.hasRole(Roles.DUTY_OFFICER) || caller.hasRole(Roles.ADMIN));
        boolean overdue = action.deadline.isBefore(LocalDate.now(clock.withZone(CHINA)));
        if (!county && !(organiser && !overdue)) {
            throw new ProblemException(403, overdue ? "deadline-overdue-county-only" : "deadline-change-forbidden");
        }
        ProblemException.requireVersion(change.version(), action.version);
        if (action.status == ImprovementAction.Status.DONE) {
            throw ProblemException.conflict("action-done", day(action.doneAt));
        }
        if (change.deadline().equals(action.deadline)) {
            throw ProblemException.unprocessable("deadline-unchanged",
                    new Words(Wording.zh(change.deadline()), Wording.en(change.deadline())));
        }
        DeadlineChange audit = new DeadlineChange();
        audit.actionId = action.id;
        audit.from = action.deadline;
        audit.to = change.deadline();
        audit.reason = change.reason().strip();
        audit.changedBy = caller.subject();
        audit.changedByName = caller.name();
        audit.changedAt = clock.instant();
        audit.persist();
        action.deadline = change.deadline();
        improvementRule.check(drill, action);
        ImprovementAction.flush();
        return action;
    }

    public Drill cancel(UUID id, String reason) {
        Drill drill = locked(id);
        if (drill.status != DrillStatus.DRAFT && drill.status != DrillStatus.APPROVED) {
            throw ProblemException.conflict("drill-status", status(drill.status),
                    new Words(DrillStatus.DRAFT.zh + "/" + DrillStatus.APPROVED.zh, "draft/approved"));
        }
        drill.status = DrillStatus.CANCELLED;
        drill.cancelledAt = clock.instant();
        drill.cancelReason = reason.strip();
        planRules.check(drill);
        return touched(drill);
    }

    /** An old record, taken as it was (nothing refused); the rules flag what is wrong with it. */
    public Drill importHistory(Commands.Imported record) {
        Drill drill = create(record.plan());
        drill.imported = true;
        drill.status = DrillStatus.APPROVED;
        drill.approvedAt = record.approvedAt();
        drill.approvedBy = caller.name();
        Evaluation evaluation = null;
        if (record.actualStart() != null) {
            drill.actualStart = record.actualStart();
            drill.actualEnd = record.actualEnd() == null || record.actualEnd().isBefore(record.actualStart())
                    ? record.actualStart() : record.actualEnd();
            drill.tookPart = List.of();
            drill.status = DrillStatus.CONDUCTED;
            if (record.evaluatedOn() != null) {
                evaluation = new Evaluation();
                evaluation.drillId = drill.id;
                evaluation.evaluatedOn = record.evaluatedOn();
                evaluation.ratings = record.ratings() == null ? List.of() : List.copyOf(record.ratings());
                evaluation.strengths = record.strengths();
                evaluation.improvements = record.areasForImprovement();
                evaluation.evaluatedBy = caller.name();
                evaluation.recordedAt = clock.instant();
                evaluation.persist();
                drill.status = DrillStatus.EVALUATED;
            }
        }
        List<ImprovementAction> actions = importActions(drill, evaluation, record.actions());
        planRules.check(drill);
        if (drill.actualStart != null) {
            afterConduct(drill, evaluation);
        }
        for (ImprovementAction action : actions) {
            improvementRule.check(drill, action);
        }
        return touched(drill);
    }

    /**
     * An old evaluation's actions, as they were: deadlines may be past and an action may have been
     * done, but the dates still follow one another (an action comes from its evaluation; it is
     * done on or after that day), and a done action names its evidence.
     */
    private List<ImprovementAction> importActions(Drill drill, Evaluation evaluation,
            List<Commands.ImportedAction> imported) {
        if (imported == null || imported.isEmpty()) {
            return List.of();
        }
        if (evaluation == null) {
            throw ProblemException.unprocessable("actions-without-evaluation");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < imported.size(); i++) {
            Commands.ImportedAction a = imported.get(i);
            if (a.deadline().isBefore(evaluation.evaluatedOn)) {
                errors.add(new FieldError("actions[" + i + "].deadline", "action-deadline-before-evaluation"));
            }
            if (a.doneOn() != null && a.doneOn().isBefore(evaluation.evaluatedOn)) {
                errors.add(new FieldError("actions[" + i + "].doneOn", "action-done-before-evaluation"));
            }
            if (a.doneOn() != null && (a.evidence() == null || a.evidence().isBlank())) {
                errors.add(new FieldError("actions[" + i + "].evidence", "action-done-needs-evidence"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<ImprovementAction> actions = new ArrayList<>();
        for (int i = 0; i < imported.size(); i++) {
            Commands.ImportedAction a = imported.get(i);
            ImprovementAction action = new ImprovementAction();
            action.id = UUID.randomUUID();
            action.drillId = drill.id;
            action.position = i + 1;
            action.description = a.description().strip();
            action.owner = a.owner().strip();
            action.deadline = a.deadline();
            action.status = a.doneOn() == null ? ImprovementAction.Status.OPEN : ImprovementAction.Status.DONE;
            if (a.doneOn() != null) {
                action.doneAt = a.doneOn().atStartOfDay(CHINA).toInstant();
                action.evidence = a.evidence().strip();
            }
            action.persist();
            actions.add(action);
        }
        return actions;
    }

    public Drill visible(UUID id) {
        Drill drill = Drill.findById(id);
        return caller.visibleOr404(drill, drill == null ? null : drill.division, "演练", id);
    }

    private void afterConduct(Drill drill, Evaluation evaluation) {
        evaluationRules.check(drill, evaluation);
        suppliesRule.check(drill);
        threeOutages.conducted(drill);
    }

    private static Words day(Instant at) {
        return new Words(Wording.zhDay(at), Wording.enDay(at));
    }

    private static Words status(DrillStatus status) {
        return Words.of(status.zh, status);
    }

    private Drill locked(UUID id) {
        Drill drill = Drill.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return caller.visibleOr404(drill, drill == null ? null : drill.division, "演练", id);
    }

    private Drill touched(Drill drill) {
        drill.updatedAt = clock.instant();
        Drill.flush();
        facts.publish(drill);
        return drill;
    }

    private void requireNotBefore(Drill drill, LocalDate evaluatedOn) {
        LocalDate approved = LocalDate.ofInstant(drill.approvedAt, CHINA);
        LocalDate conducted = drill.actualStart == null ? null : LocalDate.ofInstant(drill.actualStart, CHINA);
        if (evaluatedOn.isBefore(approved) || (conducted != null && evaluatedOn.isBefore(conducted))) {
            throw ProblemException.unprocessable("evaluation-before-plan", evaluatedOn, approved, conducted);
        }
    }

    private static void checkRatings(Drill drill, List<Parts.Rating> ratings) {
        List<FieldError> errors = new ArrayList<>();
        Set<Integer> rated = new HashSet<>();
        for (int i = 0; i < ratings.size(); i++) {
            int objective = ratings.get(i).objective();
            if (objective > drill.objectives.size()) {
                errors.add(new FieldError("ratings[" + i + "].objective", "objective-unknown"));
            } else if (!rated.add(objective)) {
                errors.add(new FieldError("ratings[" + i + "].objective", "objective-rated-twice"));
            }
        }
        if (errors.isEmpty() && rated.size() < drill.objectives.size()) {
            errors.add(new FieldError("ratings", "objective-unrated"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(Drill drill, Commands.Plan plan) {
        drill.division = plan.division();
        drill.title = plan.title().strip();
        drill.organisingUnit = plan.organisingUnit().strip();
        drill.kind = plan.kind();
        drill.announced = plan.announced();
        drill.hazard = plan.hazard();
        drill.networkOutage = plan.networkOutage();
        drill.powerOutage = plan.powerOutage();
        drill.roadCut = plan.roadCut();
        drill.objectives = List.copyOf(plan.objectives());
        drill.scheduledOn = plan.scheduledOn();
        drill.place = plan.place().strip();
        drill.units = List.copyOf(plan.units());
        drill.participants = plan.participants() == null ? List.of() : List.copyOf(plan.participants());
        drill.supplies = plan.supplies() == null ? List.of() : List.copyOf(plan.supplies());
    }

    private static void requireStatus(Drill drill, DrillStatus needed) {
        if (drill.status != needed) {
            throw ProblemException.conflict("drill-status", status(drill.status), status(needed));
        }
    }

    private static void requireNot(Drill drill, DrillStatus refused) {
        if (Objects.equals(drill.status, refused)) {
            throw ProblemException.conflict("drill-status", status(drill.status), new Words("未取消", "not cancelled"));
        }
    }
}
