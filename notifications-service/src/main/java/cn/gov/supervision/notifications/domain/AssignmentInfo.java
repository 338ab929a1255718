package cn.gov.supervision.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.UUID;

/** One unit's part of a task, as tasks.events last described it. */
@Embeddable
public class AssignmentInfo {

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(nullable = false, length = 8)
    public String role;

    @Column(nullable = false, length = 32)
    public String status;

    /** The unit's own due date: an approved extension, else the task's. */
    @Column(name = "due_date")
    public LocalDate dueDate;

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }
}
