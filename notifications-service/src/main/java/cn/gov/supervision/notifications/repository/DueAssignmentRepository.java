package cn.gov.supervision.notifications.repository;

import cn.gov.supervision.notifications.domain.AssignmentInfo;
import cn.gov.supervision.notifications.domain.DeadlineKind;
import cn.gov.supervision.notifications.domain.ReminderWindow;
import cn.gov.supervision.notifications.domain.TaskInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads the open assignments of a {@link ReminderWindow} in keyset pages, so the daily run costs what is due or
 * overdue, not what was ever planned, and holds one page in memory at a time. Each page is one index range scan
 * (V40's partial indexes on open assignments) followed by one query for the page's tasks.
 */
@ApplicationScoped
public class DueAssignmentRepository {

    /** An open assignment in the window, its task, and whether it was escalated on an earlier day. */
    public record DueAssignment(TaskInfo task, AssignmentInfo assignment, boolean escalated) {
    }

    /** One assignment of a page, in the order of the query: the next page starts after the last one. */
    private record PageKey(LocalDate dueDate, UUID taskId, UUID unitId, DeadlineKind kind, boolean escalated) {
    }

    private final EntityManager entityManager;

    public DueAssignmentRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Hands every open assignment of the window to {@code consumer}, page by page. The persistence context is
     * cleared after each page, so entities the caller loaded earlier in the transaction become detached.
     */
    public void forEachDue(ReminderWindow window, int pageSize, Consumer<DueAssignment> consumer) {
        for (ReminderWindow.DueDateSpan span : window.spans()) {
            // An assignment's own due date (an extension, else the task's as tasks-service sends it) ...
            readPages(new Source("a.due_date", "FROM assignment_info a WHERE a.due_date <= :to"
                    + (span.from() == null ? "" : " AND a.due_date >= :from"), span), pageSize, window, consumer);
            // ... or, when an event carried none, the task's
            readPages(new Source("t.due_date", "FROM assignment_info a JOIN task_info t ON t.id = a.task_id "
                    + "WHERE a.due_date IS NULL AND t.due_date <= :to"
                    + (span.from() == null ? "" : " AND t.due_date >= :from"), span), pageSize, window, consumer);
        }
        if (!window.reportingRecurrences().isEmpty()) {
            readPages(new Source(null, "FROM assignment_info a JOIN task_info t ON t.id = a.task_id "
                            + "WHERE t.deadline_kind = 'RECURRING' AND t.recurrence IN (:recurrences)",
                    Map.of("recurrences", window.reportingRecurrences().stream().map(Enum::name).sorted().toList())),
                    pageSize, window, consumer);
        }
    }

    /**
     * One keyset-paged query over open assignments: the due-date column it is ordered by (none for recurring tasks),
     * and its FROM and WHERE.
     */
    private record Source(String dueColumn, String fromAndWhere, Map<String, Object> parameters) {

        Source(String dueColumn, String fromAndWhere, ReminderWindow.DueDateSpan span) {
            this(dueColumn, fromAndWhere, spanParameters(span));
        }

        private static Map<String, Object> spanParameters(ReminderWindow.DueDateSpan span) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("to", span.to());
            if (span.from() != null) {
                parameters.put("from", span.from());
            }
            return parameters;
        }

        String keyColumns() {
            return (dueColumn == null ? "" : dueColumn + ", ") + "a.task_id, a.unit_id";
        }
    }

    private void readPages(Source source, int pageSize, ReminderWindow window, Consumer<DueAssignment> consumer) {
        PageKey after = null;
        while (true) {
            List<PageKey> page = page(source, after, pageSize);
            // the due-date index holds every kind; of a kind, only the due dates its reminders fire for are wanted
            List<PageKey> wanted = page.stream()
                    .filter(k -> source.dueColumn() == null || window.reads(k.kind(), k.dueDate())).toList();
            Map<UUID, TaskInfo> tasks = wanted.isEmpty() ? Map.of() : tasks(wanted);
            for (PageKey key : wanted) {
                TaskInfo task = tasks.get(key.taskId());
                AssignmentInfo assignment = task == null ? null : task.assignments.stream()
                        .filter(a -> a.unitId.equals(key.unitId())).findFirst().orElse(null);
                if (assignment != null) { // else deleted since the page was read (the snapshot makes that rare)
                    consumer.accept(new DueAssignment(task, assignment, key.escalated()));
                }
            }
            entityManager.clear(); // one page of tasks in memory at a time
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1);
        }
    }

    /**
     * The page is taken from the index first (the inner query, ordered and limited), and only its rows are joined with
     * their task's kind and with the escalations: the planner never scans the tasks to find a page.
     */
    private List<PageKey> page(Source source, PageKey after, int pageSize) {
        String sql = "SELECT p.due, p.task_id, p.unit_id, t.deadline_kind, e.task_id IS NOT NULL FROM ("
                + "SELECT " + (source.dueColumn() == null ? "CAST(NULL AS DATE)" : source.dueColumn())
                + " AS due, a.task_id, a.unit_id " + source.fromAndWhere() + " AND a.status <> 'COMPLETED'"
                + (after == null ? "" : " AND (" + source.keyColumns() + ") > ("
                + (source.dueColumn() == null ? "" : ":afterDue, ") + ":afterTask, :afterUnit)")
                + " ORDER BY " + source.keyColumns() + " LIMIT :pageSize) p"
                + " JOIN task_info t ON t.id = p.task_id"
                + " LEFT JOIN escalation e ON e.task_id = p.task_id AND e.unit_id = p.unit_id"
                + " ORDER BY p.due, p.task_id, p.unit_id";
        Query query = entityManager.createNativeQuery(sql);
        source.parameters().forEach(query::setParameter);
        if (after != null) {
            if (source.dueColumn() != null) {
                query.setParameter("afterDue", after.dueDate());
            }
            query.setParameter("afterTask", after.taskId());
            query.setParameter("afterUnit", after.unitId());
        }
        query.setParameter("pageSize", pageSize);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<PageKey> keys = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            keys.add(new PageKey(localDate(row[0]), (UUID) row[1], (UUID) row[2],
                    DeadlineKind.valueOf((String) row[3]), (Boolean) row[4]));
        }
        return keys;
    }

    private Map<UUID, TaskInfo> tasks(List<PageKey> keys) {
        Set<UUID> ids = new LinkedHashSet<>();
        keys.forEach(k -> ids.add(k.taskId()));
        Map<UUID, TaskInfo> byId = new HashMap<>();
        entityManager.createQuery("SELECT t FROM TaskInfo t LEFT JOIN FETCH t.assignments WHERE t.id IN :ids",
                        TaskInfo.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(t -> byId.put(t.id, t));
        return byId;
    }

    private static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }
}
