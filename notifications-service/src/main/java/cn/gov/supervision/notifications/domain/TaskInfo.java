package cn.gov.supervision.notifications.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What this service knows of a task, from tasks.events: its deadline and who answers for which part. */
@Entity
@Table(name = "task_info")
public class TaskInfo {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String title;

    @Column(name = "deadline_text")
    public String deadlineText;

    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_kind", nullable = false)
    public DeadlineKind deadlineKind;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public Recurrence recurrence;

    @Column(nullable = false)
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assignment_info", joinColumns = @JoinColumn(name = "task_id"))
    public List<AssignmentInfo> assignments = new ArrayList<>();
}
