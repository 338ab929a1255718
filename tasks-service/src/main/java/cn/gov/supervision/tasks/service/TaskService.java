package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.kit.web.EntityTags;
import cn.gov.supervision.kit.web.PageView;
import cn.gov.supervision.tasks.api.CreateTaskRequest;
import cn.gov.supervision.tasks.api.DeadlineData;
import cn.gov.supervision.tasks.api.ProgressView;
import cn.gov.supervision.tasks.api.TaskChangeView;
import cn.gov.supervision.tasks.api.TaskFilter;
import cn.gov.supervision.tasks.api.TaskPatch;
import cn.gov.supervision.tasks.api.TaskView;
import cn.gov.supervision.tasks.domain.AssignmentRole;
import cn.gov.supervision.tasks.domain.Plan;
import cn.gov.supervision.tasks.domain.ProgressReport;
import cn.gov.supervision.tasks.domain.Task;
import cn.gov.supervision.tasks.domain.TaskChange;
import cn.gov.supervision.tasks.domain.TaskRow;
import cn.gov.supervision.tasks.events.TaskEventTypes;
import cn.gov.supervision.tasks.events.TaskEvents;
import cn.gov.supervision.tasks.repository.ProgressReportRepository;
import cn.gov.supervision.tasks.repository.TaskChangeRepository;
import cn.gov.supervision.tasks.repository.TaskRepository;
import cn.gov.supervision.tasks.repository.TaskRows;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Creating, changing, deleting and reading tasks; every change is recorded in history and published as an event. */
@ApplicationScoped
public class TaskService {

    private static final int TITLE_LENGTH = 500;
    private static final int SECTION_LENGTH = 500;

    private final TaskRepository tasks;
    private final TaskRows rows;
    private final PlanService plans;
    private final AssignmentReconciler assignments;
    private final TaskHistory history;
    private final TaskChangeRepository changes;
    private final ProgressReportRepository progressReports;
    private final TaskViews views;
    private final TaskEvents events;
    private final Today today;
    private final UnitDirectory unitDirectory;
    private final Caller caller;
    private final AssignmentVisibility visibility;

    public TaskService(TaskRepository tasks, TaskRows rows, PlanService plans, AssignmentReconciler assignments, TaskHistory history,
                       TaskChangeRepository changes, ProgressReportRepository progressReports, TaskViews views,
                       TaskEvents events, Today today, UnitDirectory unitDirectory, Caller caller,
                       AssignmentVisibility visibility) {
        this.tasks = tasks;
        this.rows = rows;
        this.plans = plans;
        this.assignments = assignments;
        this.history = history;
        this.changes = changes;
        this.progressReports = progressReports;
        this.views = views;
        this.events = events;
        this.today = today;
        this.unitDirectory = unitDirectory;
        this.caller = caller;
        this.visibility = visibility;
    }

    /**
     * A caller confined to a unit searches only the tasks its unit has an assignment on (a group's tasks reach it
     * through the group's expansion into per-unit assignments); the restriction is part of the query, so pages and
     * totals count only what it may see.
     */
    public PageView<TaskView> search(TaskFilter filter, String orderBy, int page, int size) {
        Optional<UUID> own = caller.confinedUnit();
        if (own.isPresent() && filter.unitId() != null) {
            caller.requireUnit(filter.unitId(), "list the tasks");
        }
        UUID unitId = own.orElse(filter.unitId());
        TaskFilter normalized = new TaskFilter(filter.planId(), unitId, filter.role(), filter.status(),
                filter.category(), filter.light(), filter.dueFrom(), filter.dueTo(), filter.overdue(),
                filter.q() == null ? null : ChineseText.matchKey(filter.q()));
        // a confined caller's tasks are its assignments, never those of a group it happens to be
        boolean unitIsGroup = own.isEmpty() && unitId != null && unitDirectory.isGroup(unitId);
        TaskRows.Page found = rows.page(tasks.search(normalized, unitIsGroup, today.date(), orderBy), page, size);
        return new PageView<>(visibility.shown(views.ofRows(found.tasks())), page, size, found.total());
    }

    /**
     * Reads change nothing: no transaction, one statement, answered on the request's event loop
     * ({@link TaskRows#findWithoutBlocking}). Whom the caller acts for is read from its token first, on the request's
     * own thread; the rest runs when the row arrives.
     */
    public Uni<TaskView> get(UUID id) {
        Optional<UUID> own = caller.confinedUnit();
        return rows.findWithoutBlocking(id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Task", id)))
                .invoke(task -> requireReadable(id, own, task::hasAssignmentOf))
                .flatMap(views::ofWithoutBlocking)
                .map(view -> AssignmentVisibility.shown(view, own));
    }

    @Transactional
    public TaskView create(CreateTaskRequest request) {
        Plan plan = planOf(request.planId());
        return visibility.shown(views.of(createInPlan(plan, new TaskDraft(request.planId(), request.code(),
                request.category(), request.section(), request.title(), request.description(), null,
                request.leadUnitIds(), request.coUnitIds(), request.deadline()))));
    }

    /** Creates one task inside the caller's transaction (the importer creates many in one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Task createInPlan(Plan plan, TaskDraft draft) {
        String code = draft.code().strip();
        if (tasks.findByCode(plan.id, code).isPresent()) {
            throw ProblemException.conflict("code-taken", "Plan " + plan.id + " already has a task " + code);
        }
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.planId = plan.id;
        task.code = code;
        task.category = draft.category();
        task.section = fit(ChineseText.clean(draft.section()), SECTION_LENGTH);
        task.title = fit(ChineseText.clean(draft.title()), TITLE_LENGTH);
        task.description = ChineseText.clean(draft.description());
        task.originalText = draft.originalText();
        Deadlines.apply(task, Deadlines.validated(draft.deadline(), plan.year));
        task.createdAt = OffsetDateTime.now();
        task.updatedAt = task.createdAt;
        refreshSearchText(task);
        history.record(task.id, "CREATED", null, null, null, task.code);
        assignments.assign(task, draft.leadUnitIds(), draft.coUnitIds());
        TaskRollup.apply(task);
        tasks.persist(task);
        tasks.flush();
        events.publish(TaskEventTypes.TASK_CREATED, views.of(task), Map.of());
        return task;
    }

    @Transactional
    public TaskView patch(UUID id, long expectedVersion, TaskPatch patch) {
        Task task = require(id);
        EntityTags.checkVersion(expectedVersion, task.version, "Task " + id);
        applyChanges(task, patch, task.originalText);
        return visibility.shown(views.of(task));
    }

    /**
     * Applies the fields a patch gives (and a new source text, for re-imports), recording each real change in history
     * and publishing one event: DeadlineChanged when the deadline moved, TaskUpdated otherwise, nothing if unchanged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyChanges(Task task, TaskPatch patch, String originalText) {
        UUID id = task.id;
        Plan plan = planOf(task.planId);
        boolean changed = history.recordIfChanged(id, "originalText", task.originalText, originalText);
        task.originalText = originalText;
        if (patch.code() != null && !patch.code().strip().equals(task.code)) {
            String code = patch.code().strip();
            if (tasks.findByCode(task.planId, code).isPresent()) {
                throw ProblemException.conflict("code-taken", "Plan " + task.planId + " already has a task " + code);
            }
            changed |= history.recordIfChanged(id, "code", task.code, code);
            task.code = code;
        }
        if (patch.category() != null) {
            changed |= history.recordIfChanged(id, "category", task.category, patch.category());
            task.category = patch.category();
        }
        if (patch.section() != null) {
            String section = fit(ChineseText.clean(patch.section()), SECTION_LENGTH);
            changed |= history.recordIfChanged(id, "section", task.section, section);
            task.section = section;
        }
        if (patch.title() != null) {
            String title = fit(ChineseText.clean(patch.title()), TITLE_LENGTH);
            if (title.isEmpty()) {
                throw ProblemException.invalidField("title", "must not be blank");
            }
            changed |= history.recordIfChanged(id, "title", task.title, title);
            task.title = title;
        }
        if (patch.description() != null) {
            String description = ChineseText.clean(patch.description());
            changed |= history.recordIfChanged(id, "description", task.description, description);
            task.description = description;
        }
        if (patch.leadUnitIds() != null || patch.coUnitIds() != null) {
            List<UUID> leads = patch.leadUnitIds() != null ? patch.leadUnitIds() : task.namedUnitIds(AssignmentRole.LEAD);
            List<UUID> cos = patch.coUnitIds() != null ? patch.coUnitIds() : task.namedUnitIds(AssignmentRole.CO);
            List<UUID> oldLeads = task.namedUnitIds(AssignmentRole.LEAD);
            List<UUID> oldCos = task.namedUnitIds(AssignmentRole.CO);
            assignments.assign(task, leads, cos);
            changed |= history.recordIfChanged(id, "leadUnits", oldLeads, task.namedUnitIds(AssignmentRole.LEAD));
            changed |= history.recordIfChanged(id, "coUnits", oldCos, task.namedUnitIds(AssignmentRole.CO));
        }
        boolean deadlineChanged = false;
        if (patch.deadline() != null) {
            DeadlineData before = deadlineOf(task);
            DeadlineData after = Deadlines.validated(patch.deadline(), plan.year);
            if (!before.equals(after)) {
                history.record(id, "DEADLINE_CHANGED", null, "deadline", describe(before), describe(after));
                Deadlines.apply(task, after);
                deadlineChanged = !Objects.equals(before.dueDate(), after.dueDate()) || before.kind() != after.kind();
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        refreshSearchText(task);
        TaskRollup.apply(task);
        task.updatedAt = OffsetDateTime.now();
        tasks.flush();
        events.publish(deadlineChanged ? TaskEventTypes.DEADLINE_CHANGED : TaskEventTypes.TASK_UPDATED, views.of(task),
                Map.of());
    }

    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Task task = require(id);
        EntityTags.checkVersion(expectedVersion, task.version, "Task " + id);
        TaskView last = views.of(task);
        history.record(id, "DELETED", null, null, task.code, null);
        tasks.delete(task);
        events.publish(TaskEventTypes.TASK_DELETED, last, Map.of());
    }

    /** A page of the task's history, of the units the caller sees in full (and the task's own changes). */
    @Transactional
    public PageView<TaskChangeView> history(UUID id, int page, int size) {
        Task task = requireReadable(id);
        PanacheQuery<TaskChange> found = changes.findByTask(id, visibility.unitsSeenInFull(task));
        return new PageView<>(found.page(Page.of(page, size)).list(), page, size, found.count())
                .map(TaskChangeView::of);
    }

    /** A page of the task's progress reports, of the units the caller sees in full. */
    @Transactional
    public PageView<ProgressView> progress(UUID id, int page, int size) {
        Task task = requireReadable(id);
        PanacheQuery<ProgressReport> found = progressReports.findByTask(id, visibility.unitsSeenInFull(task));
        return new PageView<>(found.page(Page.of(page, size)).list(), page, size, found.count())
                .map(p -> new ProgressView(p.id, p.taskId, p.unitId, p.reportedAt, p.text, p.percent,
                        views.readLinks(p.links), p.reportedBy));
    }

    Task require(UUID id) {
        Task task = tasks.findById(id);
        if (task == null) {
            throw ProblemException.notFound("Task", id);
        }
        return task;
    }

    /** The task, if the caller may read it: a caller confined to a unit reads the tasks its unit works on only. */
    private Task requireReadable(UUID id) {
        Task task = tasks.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Task", id));
        requireReadable(id, unit -> task.assignmentOf(unit).isPresent());
        return task;
    }

    private void requireReadable(UUID id, Predicate<UUID> worksOn) {
        requireReadable(id, caller.confinedUnit(), worksOn);
    }

    private static void requireReadable(UUID id, Optional<UUID> own, Predicate<UUID> worksOn) {
        if (own.isPresent() && !worksOn.test(own.get())) {
            throw ProblemException.forbidden("Unit " + own.get() + " has no assignment on task " + id);
        }
    }

    private Plan planOf(UUID planId) {
        try {
            return plans.require(planId);
        } catch (ProblemException e) {
            throw ProblemException.unprocessable("unknown-plan", "Plan " + planId + " does not exist");
        }
    }

    private static DeadlineData deadlineOf(Task task) {
        return new DeadlineData(task.deadlineText, task.deadlineKind, task.dueDate, task.recurrence);
    }

    private static String describe(DeadlineData deadline) {
        return deadline.kind() + (deadline.dueDate() == null ? "" : " " + deadline.dueDate())
                + (deadline.recurrence() == null ? "" : " " + deadline.recurrence())
                + (deadline.text() == null ? "" : " (" + deadline.text() + ")");
    }

    /** Columns are bounded; text from documents is not, so it is cut with an ellipsis rather than refused. */
    private static String fit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static void refreshSearchText(Task task) {
        task.searchText = ChineseText.matchKey(task.title) + "\n" + ChineseText.matchKey(task.description);
    }
}
