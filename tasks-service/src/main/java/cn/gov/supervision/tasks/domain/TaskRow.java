package cn.gov.supervision.tasks.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A task as stored, as plain data: what a view is made from. Reads that change nothing get it straight from one SQL
 * statement ({@code TaskRows}) without building managed entities; writes make it from the entity they changed.
 */
public record TaskRow(UUID id, UUID planId, String code, TaskCategory category, String section, String title,
                      String description, String originalText, String deadlineText, DeadlineKind deadlineKind,
                      LocalDate dueDate, Recurrence recurrence, AssignmentStatus status, LocalDate nextDueDate,
                      long version, OffsetDateTime createdAt, OffsetDateTime updatedAt, List<UUID> leadUnitIds,
                      List<UUID> coUnitIds, List<AssignmentRow> assignments) {

    public static TaskRow of(Task task) {
        return new TaskRow(task.id, task.planId, task.code, task.category, task.section, task.title, task.description,
                task.originalText, task.deadlineText, task.deadlineKind, task.dueDate, task.recurrence, task.status,
                task.nextDueDate, task.version, task.createdAt, task.updatedAt,
                task.namedUnitIds(AssignmentRole.LEAD), task.namedUnitIds(AssignmentRole.CO),
                task.assignments.stream().map(AssignmentRow::of).toList());
    }

    /** The units a caller confined to a unit may be looking for: every unit with an assignment on the task. */
    public boolean hasAssignmentOf(UUID unitId) {
        return assignments.stream().anyMatch(a -> a.unitId().equals(unitId));
    }

    /** One unit's part of the task, as stored. */
    public record AssignmentRow(UUID id, UUID unitId, AssignmentRole role, UUID viaGroupId, AssignmentStatus status,
                                LocalDate extendedDueDate, Integer percent, String completionEvidence,
                                String completionLinks, OffsetDateTime completedAt, String returnReason,
                                LocalDate proposedDueDate, String extensionReason) {

        static AssignmentRow of(Assignment a) {
            return new AssignmentRow(a.id, a.unitId, a.role, a.viaGroupId, a.status, a.extendedDueDate, a.percent,
                    a.completionEvidence, a.completionLinks, a.completedAt, a.returnReason, a.proposedDueDate,
                    a.extensionReason);
        }
    }
}
