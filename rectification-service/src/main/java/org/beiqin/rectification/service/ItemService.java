package org.beiqin.rectification.service;

import static org.beiqin.commons.time.ClockProducer.CHINA;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.beiqin.commons.problem.ProblemException;
import org.beiqin.commons.security.Caller;
import org.beiqin.rectification.HistoryEntry;
import org.beiqin.rectification.ItemStatus;
import org.beiqin.rectification.Measure;
import org.beiqin.rectification.MeasureStatus;
import org.beiqin.rectification.RectificationItem;

/**
 * What people do to the ledger: the county office sets the six clears, adds measures and decides
 * the status; the responsible unit reports progress on measures. 已完成 needs verification — the
 * system's or a county officer's sign-off with evidence — never the unit's word alone.
 */
@ApplicationScoped
@Transactional
public class ItemService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Journal journal;

    public RectificationItem plan(UUID id, Commands.Plan plan) {
        RectificationItem item = lockedVisible(id);
        requireCounty();
        ProblemException.requireVersion(plan.version(), item.version);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (!plan.deadline().equals(item.deadline) && plan.deadline().isBefore(today)) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("deadline", "deadline-in-past", today)));
        }
        Map<String, Object> before = planOf(item);
        item.target = trim(plan.target());
        item.responsibleLeader = trim(plan.responsibleLeader());
        item.responsibleDepartment = trim(plan.responsibleDepartment());
        item.responsiblePerson = trim(plan.responsiblePerson());
        item.deadline = plan.deadline();
        item.updatedAt = clock.instant();
        journal.record(item.id, caller.subject(), caller.name(), HistoryEntry.Kind.PLAN_CHANGED,
                Map.of("before", before, "after", planOf(item)));
        return flushed(item);
    }

    public Measure addMeasure(UUID id, Commands.NewMeasure command) {
        RectificationItem item = lockedVisible(id);
        requireCounty();
        Integer last = Measure.find("SELECT max(m.position) FROM Measure m WHERE m.itemId = ?1", item.id)
                .project(Integer.class).firstResult();
        Measure measure = new Measure();
        measure.id = UUID.randomUUID();
        measure.itemId = item.id;
        measure.position = last == null ? 1 : last + 1;
        measure.description = command.description().trim();
        measure.owner = command.owner().trim();
        measure.deadline = command.deadline();
        measure.status = MeasureStatus.PLANNED;
        measure.createdBy = caller.subject();
        measure.createdAt = clock.instant();
        measure.updatedAt = measure.createdAt;
        measure.persist();
        journal.record(item.id, caller.subject(), caller.name(), HistoryEntry.Kind.MEASURE_ADDED,
                Map.of("measure", measure.position, "description", measure.description, "owner", measure.owner,
                        "deadline", measure.deadline.toString()));
        return measure;
    }

    /** The unit or the county office reports a measure's progress; done needs evidence. */
    public Measure progress(UUID id, UUID measureId, Commands.MeasureProgress command) {
        // the item first, then its measure, in the order every writer takes them (the measure's
        // new status updates the item's counts, V8)
        RectificationItem item = lockedVisible(id);
        Measure measure = Measure.findById(measureId, LockModeType.PESSIMISTIC_WRITE);
        if (measure == null || !measure.itemId.equals(item.id)) {
            throw ProblemException.notFound("整改措施", measureId);
        }
        ProblemException.requireVersion(command.version(), measure.version);
        String evidence = trim(command.evidence());
        if (command.status() == MeasureStatus.DONE && evidence == null) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("evidence", "evidence-required")));
        }
        MeasureStatus before = measure.status;
        measure.status = command.status();
        if (evidence != null) {
            measure.evidence = evidence;
        }
        if (command.status() == MeasureStatus.DONE && before != MeasureStatus.DONE) {
            measure.doneAt = clock.instant();
            measure.doneBy = caller.name();
        } else if (command.status() != MeasureStatus.DONE) {
            measure.doneAt = null;
            measure.doneBy = null;
        }
        measure.updatedAt = clock.instant();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("measure", measure.position);
        detail.put("from", before.name());
        detail.put("to", measure.status.name());
        if (evidence != null) {
            detail.put("evidence", evidence);
        }
        journal.record(item.id, caller.subject(), caller.name(), HistoryEntry.Kind.MEASURE_CHANGED, detail);
        return flushed(measure);
    }

    /**
     * The six clears, the measures and an item's status are the county's: a township user holding
     * an administrator's role must not move its own deadline, reopen what the county verified, or
     * park an overdue item as long-term.
     */
    private void requireCounty() {
        if (!caller.isCountyApprover()) {
            throw new ProblemException(403, "plan-forbidden");
        }
    }

    public RectificationItem changeStatus(UUID id, Commands.StatusChange command) {
        RectificationItem item = lockedVisible(id);
        String evidence = trim(command.evidence());
        ItemStatus before = item.status;
        if (command.status() == ItemStatus.COMPLETED) {
            if (!caller.isCountyOffice()) {
                throw new ProblemException(403, "sign-off-forbidden");
            }
            ProblemException.requireVersion(command.version(), item.version);
            if (evidence == null) {
                throw ProblemException.invalid(List.of(new ProblemException.FieldError("evidence", "evidence-required")));
            }
            if (before == ItemStatus.COMPLETED) {
                return item;
            }
            item.status = ItemStatus.COMPLETED;
            item.verifiedBy = caller.subject();
            item.verifiedByName = caller.name();
            item.verifiedAt = clock.instant();
            item.verificationEvidence = evidence;
            item.closedAt = item.verifiedAt;
            item.updatedAt = item.verifiedAt;
            journal.record(item.id, caller.subject(), caller.name(), HistoryEntry.Kind.SIGNED_OFF,
                    Map.of("from", before.name(), "evidence", evidence, "findingOpen", item.findingOpen));
            return flushed(item);
        }
        if (!caller.isCountyApprover()) {
            throw new ProblemException(403, "status-forbidden");
        }
        ProblemException.requireVersion(command.version(), item.version);
        if (before == command.status() && evidence == null) {
            return item;
        }
        // the same status with a note is the note, kept in the history ("the status stays …"), never dropped
        item.status = command.status();
        if (before == ItemStatus.COMPLETED) {
            item.verifiedBy = null;
            item.verifiedByName = null;
            item.verifiedAt = null;
            item.verificationEvidence = null;
            item.closedAt = null;
        }
        item.updatedAt = clock.instant();
        Map<String, Object> detail = new HashMap<>(Map.of("from", before.name(), "to", item.status.name()));
        if (evidence != null) {
            detail.put("note", evidence);
        }
        journal.record(item.id, caller.subject(), caller.name(), HistoryEntry.Kind.STATUS_CHANGED, detail);
        return flushed(item);
    }

    /** An item the caller may see, or 404; county-office-only changes are checked by the resource's roles. */
    private RectificationItem lockedVisible(UUID id) {
        return visible(id, true);
    }

    private RectificationItem visible(UUID id, boolean lock) {
        RectificationItem item = lock ? RectificationItem.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : RectificationItem.findById(id);
        return caller.visibleOr404(item, item == null ? null : item.division, "整改事项", id);
    }

    /** Writes now, so that the version the caller gets back is the one the next edit must carry. */
    private static <T> T flushed(T entity) {
        RectificationItem.flush();
        return entity;
    }


    private static Map<String, Object> planOf(RectificationItem item) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("target", item.target);
        plan.put("responsibleLeader", item.responsibleLeader);
        plan.put("responsibleDepartment", item.responsibleDepartment);
        plan.put("responsiblePerson", item.responsiblePerson);
        plan.put("deadline", item.deadline == null ? null : item.deadline.toString());
        return plan;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
