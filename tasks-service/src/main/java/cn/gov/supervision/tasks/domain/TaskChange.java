package cn.gov.supervision.tasks.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of a task's history: who changed what, when, from which value to which. */
@Entity
@Table(name = "task_history")
public class TaskChange {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(length = 100)
    public String actor;

    @Column(name = "request_id", length = 128)
    public String requestId;

    @Column(nullable = false, length = 50)
    public String action;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(length = 50)
    public String field;

    @Column(name = "old_value", columnDefinition = "text")
    public String oldValue;

    @Column(name = "new_value", columnDefinition = "text")
    public String newValue;
}
