package cn.gov.supervision.tasks.service;

import cn.gov.supervision.tasks.domain.Assignment;
import cn.gov.supervision.tasks.domain.AssignmentRole;
import cn.gov.supervision.tasks.domain.NamedUnit;
import cn.gov.supervision.tasks.domain.Task;
import cn.gov.supervision.tasks.domain.UnitRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns the units a task names into assignments: a group becomes one assignment per member, a unit named as lead
 * is never also a co-unit, and units that stay responsible keep their assignment (and its progress) when the task's
 * units change.
 */
@ApplicationScoped
public class AssignmentReconciler {

    private final UnitDirectory units;
    private final TaskHistory history;

    public AssignmentReconciler(UnitDirectory units, TaskHistory history) {
        this.units = units;
        this.history = history;
    }

    public void assign(Task task, List<UUID> leadUnitIds, List<UUID> coUnitIds) {
        List<UnitRef> leads = units.requireActive(leadUnitIds);
        List<UnitRef> cos = units.requireActive(coUnitIds == null ? List.of() : coUnitIds);

        task.namedUnits.clear();
        leads.forEach(u -> task.namedUnits.add(new NamedUnit(u.id, AssignmentRole.LEAD)));
        cos.stream().filter(u -> !leadUnitIds.contains(u.id))
                .forEach(u -> task.namedUnits.add(new NamedUnit(u.id, AssignmentRole.CO)));

        Map<UUID, Wanted> wanted = new LinkedHashMap<>();
        for (UnitRef lead : leads) {
            for (UUID unitId : units.workingUnits(lead)) {
                wanted.putIfAbsent(unitId, new Wanted(AssignmentRole.LEAD, lead.isGroup() ? lead.id : null));
            }
        }
        for (UnitRef co : cos) {
            for (UUID unitId : units.workingUnits(co)) {
                wanted.putIfAbsent(unitId, new Wanted(AssignmentRole.CO, co.isGroup() ? co.id : null));
            }
        }

        for (Assignment existing : new ArrayList<>(task.assignments)) {
            Wanted still = wanted.remove(existing.unitId);
            if (still == null) {
                task.assignments.remove(existing);
                history.record(task.id, "ASSIGNMENT_REMOVED", existing.unitId, "role", existing.role, null);
            } else if (existing.role != still.role() || !Objects.equals(existing.viaGroupId, still.viaGroupId())) {
                history.record(task.id, "ASSIGNMENT_CHANGED", existing.unitId, "role", existing.role, still.role());
                existing.role = still.role();
                existing.viaGroupId = still.viaGroupId();
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        wanted.forEach((unitId, w) -> {
            Assignment assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.task = task;
            assignment.unitId = unitId;
            assignment.role = w.role();
            assignment.viaGroupId = w.viaGroupId();
            assignment.createdAt = now;
            assignment.updatedAt = now;
            task.assignments.add(assignment);
            history.record(task.id, "ASSIGNMENT_ADDED", unitId, "role", null, w.role());
        });
    }

    private record Wanted(AssignmentRole role, UUID viaGroupId) {
    }
}
