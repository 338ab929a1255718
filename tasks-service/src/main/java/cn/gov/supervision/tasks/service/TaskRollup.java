package cn.gov.supervision.tasks.service;

import cn.gov.supervision.tasks.domain.Assignment;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.Task;

import java.time.LocalDate;
import java.util.Objects;

/** A task's status and next due date, derived from its assignments. */
final class TaskRollup {

    private TaskRollup() {
    }

    static void apply(Task task) {
        task.status = rolledUpStatus(task);
        task.nextDueDate = task.assignments.stream()
                .filter(a -> !a.isCompleted())
                .map(Assignment::effectiveDueDate)
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    /**
     * COMPLETED when every unit is done; COMPLETION_REQUESTED when every open part awaits approval; EXTENSION_REQUESTED
     * while any unit asks for more time; NOT_STARTED until anyone starts; otherwise IN_PROGRESS.
     */
    static AssignmentStatus rolledUpStatus(Task task) {
        if (task.assignments.isEmpty()) {
            return AssignmentStatus.NOT_STARTED;
        }
        if (task.assignments.stream().allMatch(Assignment::isCompleted)) {
            return AssignmentStatus.COMPLETED;
        }
        if (task.assignments.stream().filter(a -> !a.isCompleted())
                .allMatch(a -> a.status == AssignmentStatus.COMPLETION_REQUESTED)) {
            return AssignmentStatus.COMPLETION_REQUESTED;
        }
        if (task.assignments.stream().anyMatch(a -> a.status == AssignmentStatus.EXTENSION_REQUESTED)) {
            return AssignmentStatus.EXTENSION_REQUESTED;
        }
        if (task.assignments.stream().allMatch(a -> a.status == AssignmentStatus.NOT_STARTED)) {
            return AssignmentStatus.NOT_STARTED;
        }
        return AssignmentStatus.IN_PROGRESS;
    }
}
