package cn.gov.supervision.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    /** How far along the unit says it is (its last progress report's percent), if it said. */
    public Integer percent;

    /** When the unit last reported progress (the time of its last ProgressReported event). */
    @Column(name = "last_progress_at")
    public OffsetDateTime lastProgressAt;

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }
}
