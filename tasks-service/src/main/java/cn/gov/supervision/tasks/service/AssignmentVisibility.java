package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.tasks.api.AssignmentView;
import cn.gov.supervision.tasks.api.TaskView;
import cn.gov.supervision.tasks.domain.AssignmentRole;
import cn.gov.supervision.tasks.domain.Task;
import jakarta.enterprise.context.RequestScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a caller confined to a unit may see of the other units on a task it works on (README "Who may do what"): its
 * own assignment in full; a lead also the co-units it coordinates on that task, with their reports and history;
 * every other unit beside it (another lead, the other members of its group, the lead seen from a co-unit) only as
 * status, light and percent. Callers not confined to a unit see everything. Every read path goes through here.
 */
@RequestScoped
public class AssignmentVisibility {

    private final Caller caller;

    public AssignmentVisibility(Caller caller) {
        this.caller = caller;
    }

    /** The units whose part of {@code task} the caller sees in full, or empty when it sees every unit's. */
    public Optional<Set<UUID>> unitsSeenInFull(Task task) {
        return unitsSeenInFull(task.assignments.stream()
                .collect(Collectors.toMap(a -> a.unitId, a -> a.role, (first, second) -> first)), caller.confinedUnit());
    }

    /** The task as the caller may see it: other units' parts reduced to their summary where the rule says so. */
    public TaskView shown(TaskView task) {
        return shown(task, caller.confinedUnit());
    }

    /**
     * {@link #shown(TaskView)} for the caller confined to {@code confinedUnit} (or to none), read from its token
     * beforehand: for code that runs where the request's scope may be gone, such as a read's continuation.
     */
    public static TaskView shown(TaskView task, Optional<UUID> confinedUnit) {
        Optional<Set<UUID>> full = unitsSeenInFull(task.assignments().stream()
                .collect(Collectors.toMap(AssignmentView::unitId, AssignmentView::role, (first, second) -> first)),
                confinedUnit);
        if (full.isEmpty()) {
            return task;
        }
        return task.withAssignments(task.assignments().stream()
                .map(a -> full.get().contains(a.unitId()) ? a : a.summary()).toList());
    }

    public List<TaskView> shown(List<TaskView> tasks) {
        return tasks.stream().map(this::shown).toList();
    }

    private static Optional<Set<UUID>> unitsSeenInFull(Map<UUID, AssignmentRole> roles, Optional<UUID> own) {
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> full = new HashSet<>();
        AssignmentRole ownRole = roles.get(own.get());
        if (ownRole != null) {
            full.add(own.get());
        }
        if (ownRole == AssignmentRole.LEAD) {
            roles.forEach((unit, role) -> {
                if (role == AssignmentRole.CO) {
                    full.add(unit);
                }
            });
        }
        return Optional.of(full);
    }
}
