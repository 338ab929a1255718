package cn.gov.supervision.tasks.api;

import cn.gov.supervision.tasks.domain.AssignmentRole;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.Light;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One unit's part: its status, its own due date (after any approved extension) and its light. A unit-bound caller
 * sees other units' parts as {@link Detail#SUMMARY} only (README "Who may do what").
 */
public record AssignmentView(UUID id, UUID unitId, String unitName, AssignmentRole role, UUID viaGroupId,
                             AssignmentStatus status, LocalDate dueDate, Light light, Integer percent,
                             String completionEvidence, List<String> completionLinks, OffsetDateTime completedAt,
                             String returnReason, PendingExtension pendingExtension,
                             @Schema(required = true, description = "FULL, or SUMMARY when the caller may see only "
                                     + "this unit's status, light and percent (the other fields are then null or empty)")
                             Detail detail) {

    public record PendingExtension(LocalDate proposedDueDate, String reason) {
    }

    @Schema(name = "AssignmentDetail")
    public enum Detail { FULL, SUMMARY }

    /** What a unit sees of a unit beside it: who, and how far it is; not its evidence, reasons, dates or requests. */
    public AssignmentView summary() {
        return new AssignmentView(id, unitId, unitName, role, viaGroupId, status, null, light, percent, null, List.of(),
                null, null, null, Detail.SUMMARY);
    }
}
