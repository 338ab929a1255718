package cn.gov.supervision.tasks.api;

import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.Light;
import cn.gov.supervision.tasks.domain.TaskCategory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A task with everything a consumer needs: deadline, named units and every assignment's state. */
public record TaskView(UUID id, UUID planId, String code, TaskCategory category, String section, String title,
                       String description, String originalText, List<UnitSummary> leadUnits, List<UnitSummary> coUnits,
                       DeadlineData deadline, AssignmentStatus status, Light light, LocalDate nextDueDate,
                       List<AssignmentView> assignments, long version, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

    public TaskView withAssignments(List<AssignmentView> shown) {
        return new TaskView(id, planId, code, category, section, title, description, originalText, leadUnits, coUnits,
                deadline, status, light, nextDueDate, shown, version, createdAt, updatedAt);
    }
}
