package cn.gov.supervision.tasks.api;

import cn.gov.supervision.tasks.domain.AssignmentRole;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.Light;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One unit's part: its status, its own due date (after any approved extension) and its light. */
public record AssignmentView(UUID id, UUID unitId, String unitName, AssignmentRole role, UUID viaGroupId,
                             AssignmentStatus status, LocalDate dueDate, Light light, Integer percent,
                             String completionEvidence, List<String> completionLinks, OffsetDateTime completedAt,
                             String returnReason, PendingExtension pendingExtension) {

    public record PendingExtension(LocalDate proposedDueDate, String reason) {
    }
}
