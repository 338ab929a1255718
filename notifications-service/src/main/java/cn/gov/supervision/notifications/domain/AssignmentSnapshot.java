package cn.gov.supervision.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** How one unit's part of a task stood from {@link #occurredAt} on, as the tasks.events event of that time said. */
@Entity
@Table(name = "assignment_snapshot")
public class AssignmentSnapshot {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false, length = 32)
    public String status;

    @Column(name = "due_date")
    public LocalDate dueDate;
}
