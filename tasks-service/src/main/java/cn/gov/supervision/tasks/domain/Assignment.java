package cn.gov.supervision.tasks.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One responsible unit's part of a task, with its own status and its own clock. */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "task_id")
    public Task task;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public AssignmentRole role;

    /** The group through which the plan named this unit (各区县政府 → 吴兴区政府), if any. */
    @Column(name = "via_group_id")
    public UUID viaGroupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public AssignmentStatus status = AssignmentStatus.NOT_STARTED;

    @Column(name = "extended_due_date")
    public LocalDate extendedDueDate;

    public Integer percent;

    @Column(name = "completion_evidence", columnDefinition = "text")
    public String completionEvidence;

    /** JSON array of links given as evidence. */
    @Column(name = "completion_links", columnDefinition = "text")
    public String completionLinks;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "return_reason", columnDefinition = "text")
    public String returnReason;

    @Column(name = "proposed_due_date")
    public LocalDate proposedDueDate;

    @Column(name = "extension_reason", columnDefinition = "text")
    public String extensionReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_extension", length = 32)
    public AssignmentStatus statusBeforeExtension;

    /** The subject of whoever requested completion: they may not approve it themselves. */
    @Column(name = "completion_requested_by", columnDefinition = "text")
    public String completionRequestedBy;

    /** The subject of whoever requested the pending extension: they may not approve it themselves. */
    @Column(name = "extension_requested_by", columnDefinition = "text")
    public String extensionRequestedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The date this unit must meet: an approved extension, else the task's due date. */
    public LocalDate effectiveDueDate() {
        return effectiveDueDate(extendedDueDate, task.dueDate);
    }

    /** An approved extension's date, else the task's. */
    public static LocalDate effectiveDueDate(LocalDate extendedDueDate, LocalDate taskDueDate) {
        return extendedDueDate != null ? extendedDueDate : taskDueDate;
    }

    public boolean isCompleted() {
        return status == AssignmentStatus.COMPLETED;
    }
}
