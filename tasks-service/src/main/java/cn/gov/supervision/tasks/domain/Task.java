package cn.gov.supervision.tasks.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A key task of a plan, done by one or more responsible units through their assignments. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** Its number in the document: 附件1-3, (三)-2. */
    @Column(nullable = false, length = 50)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public TaskCategory category;

    @Column(length = 500)
    public String section;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(columnDefinition = "text")
    public String description;

    /** The task as the source document wrote it, before any normalisation. */
    @Column(name = "original_text", columnDefinition = "text")
    public String originalText;

    @Column(name = "deadline_text", length = 200)
    public String deadlineText;

    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_kind", nullable = false, length = 16)
    public DeadlineKind deadlineKind = DeadlineKind.NONE;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Recurrence recurrence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public AssignmentStatus status = AssignmentStatus.NOT_STARTED;

    @Column(name = "next_due_date")
    public LocalDate nextDueDate;

    @Column(name = "search_text", nullable = false, columnDefinition = "text")
    public String searchText;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    // a page of up to 200 tasks loads each collection in one statement (Quarkus's default batch of 16 took eight
    // statements for a page of 50, the unit's daily list); the key array is one parameter (= any(?))
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 200)
    @CollectionTable(name = "task_unit", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    public List<NamedUnit> namedUnits = new ArrayList<>();

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchSize(size = 200)
    @OrderBy("role, createdAt, unitId")
    public List<Assignment> assignments = new ArrayList<>();

    public Optional<Assignment> assignmentOf(UUID unitId) {
        return assignments.stream().filter(a -> a.unitId.equals(unitId)).findFirst();
    }

    public List<UUID> namedUnitIds(AssignmentRole role) {
        return namedUnits.stream().filter(u -> u.role == role).map(u -> u.unitId).toList();
    }
}
