package cn.gov.supervision.tasks.api;

import cn.gov.supervision.tasks.domain.AssignmentRole;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.Light;
import cn.gov.supervision.tasks.domain.TaskCategory;

import java.time.LocalDate;
import java.util.UUID;

/** The filters of GET /tasks; null means "any". */
public record TaskFilter(UUID planId, UUID unitId, AssignmentRole role, AssignmentStatus status, TaskCategory category,
                         Light light, LocalDate dueFrom, LocalDate dueTo, Boolean overdue, String q) {
}
