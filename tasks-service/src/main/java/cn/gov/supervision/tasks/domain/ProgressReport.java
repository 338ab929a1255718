package cn.gov.supervision.tasks.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 进展报告: what a unit reports about its part of a task. */
@Entity
@Table(name = "progress_report")
public class ProgressReport {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    public Integer percent;

    /** JSON array of links. */
    @Column(nullable = false, columnDefinition = "text")
    public String links;

    @Column(name = "reported_by", length = 100)
    public String reportedBy;
}
