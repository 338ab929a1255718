package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.api.TaskFilter;
import cn.gov.supervision.tasks.domain.Light;
import cn.gov.supervision.tasks.domain.Task;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    public boolean existsInPlan(UUID planId) {
        return count("planId", planId) > 0;
    }

    public Optional<Task> findByCode(UUID planId, String code) {
        return find("planId = ?1 and code = ?2", planId, code).firstResultOptional();
    }

    public List<Task> findByPlan(UUID planId) {
        return list("planId", Sort.by("code"), planId);
    }

    /**
     * The tasks matching every filter, as a query for {@link TaskRows#page}. Each filter is a plain predicate on an indexed column; light and
     * overdue compare the denormalised next_due_date (earliest open due date) with today. When a unit is given, its
     * tasks are collected first (a materialised CTE over the assignment or task_unit index): a unit has at most a few
     * thousand tasks, and without it PostgreSQL may walk all tasks in due-date order hunting for the unit's ones.
     * A unit's own list filtered at most by role, light or overdue, in due-date, next-due-date or code order (the list
     * a unit opens every day) is answered from that unit's entries of one index alone ({@link #unitQuery}).
     * deploy/bench/run.sh measures this at 10,000 to 1,000,000 tasks and prints the plan.
     *
     * @param orderBy a whitelisted ORDER BY list over columns of task t (see TaskSort)
     */
    public TaskQuery search(TaskFilter filter, boolean unitIsGroup, LocalDate today, String orderBy) {
        Optional<TaskQuery> fromUnitIndex = unitQuery(filter, unitIsGroup, today, orderBy);
        if (fromUnitIndex.isPresent()) {
            return fromUnitIndex.get();
        }
        String cte = "";
        StringBuilder from = new StringBuilder();
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.unitId() != null) {
            String role = filter.role() == null ? "" : " AND role = :role";
            // a unit that works on tasks has an assignment for each (groups are expanded into their members); a group
            // itself has none, so its tasks are the ones that name it
            cte = "mine AS MATERIALIZED (SELECT DISTINCT task_id FROM " + (unitIsGroup ? "task_unit" : "assignment")
                    + " WHERE unit_id = :unitId" + role + ")";
            params.put("unitId", filter.unitId());
            if (filter.role() != null) {
                params.put("role", filter.role().name());
            }
        }
        from.append("FROM task t");
        if (filter.unitId() != null) {
            from.append(" JOIN mine ON mine.task_id = t.id");
        }
        if (filter.planId() != null) {
            clauses.add("t.plan_id = :planId");
            params.put("planId", filter.planId());
        }
        if (filter.status() != null) {
            clauses.add("t.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.category() != null) {
            clauses.add("t.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.light() != null) {
            clauses.add(lightClause(filter.light()));
            if (filter.light() == Light.RED || filter.light() == Light.YELLOW) {
                params.put("today", today);
            }
            if (filter.light() == Light.YELLOW || filter.light() == Light.GREEN) {
                params.put("yellowEnd", today.plusDays(Light.YELLOW_DAYS));
            }
        }
        if (filter.dueFrom() != null) {
            clauses.add("t.due_date >= :dueFrom");
            params.put("dueFrom", filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            clauses.add("t.due_date <= :dueTo");
            params.put("dueTo", filter.dueTo());
        }
        if (filter.overdue() != null) {
            clauses.add(filter.overdue() ? "t.next_due_date < :today" : "(t.next_due_date IS NULL OR t.next_due_date >= :today)");
            params.put("today", today);
        }
        if (filter.q() != null && !filter.q().isEmpty()) {
            clauses.add("t.search_text LIKE :pattern ESCAPE '\\'");
            params.put("pattern", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        String body = from + where;
        return new TaskQuery(cte, "t.id", body, orderBy, orderBy, params);
    }

    /**
     * The page from the unit's entries of assignment_unit_next_due (migration V40), which carry the task's due date,
     * next due date and code: a range scan of the index gives the matching tasks, their total and their order without
     * reading a row of task or assignment. Empty when the filter or the order needs a column only task has.
     */
    private Optional<TaskQuery> unitQuery(TaskFilter filter, boolean unitIsGroup, LocalDate today, String orderBy) {
        String unitOrder = orderBy.replace("t.due_date", "a.task_due_date")
                .replace("t.next_due_date", "a.task_next_due_date").replace("t.code", "a.task_code")
                .replace("t.id", "a.task_id");
        if (filter.unitId() == null || unitIsGroup || unitOrder.contains("t.") || filter.planId() != null
                || filter.status() != null || filter.category() != null || filter.dueFrom() != null
                || filter.dueTo() != null || (filter.q() != null && !filter.q().isEmpty())) {
            return Optional.empty();
        }
        List<String> clauses = new ArrayList<>(List.of("a.unit_id = :unitId"));
        Map<String, Object> params = new HashMap<>(Map.of("unitId", filter.unitId()));
        if (filter.role() != null) {
            clauses.add("a.role = :role");
            params.put("role", filter.role().name());
        }
        if (filter.light() != null) {
            clauses.add(lightClause(filter.light()).replace("t.next_due_date", "a.task_next_due_date"));
            if (filter.light() == Light.RED || filter.light() == Light.YELLOW) {
                params.put("today", today);
            }
            if (filter.light() == Light.YELLOW || filter.light() == Light.GREEN) {
                params.put("yellowEnd", today.plusDays(Light.YELLOW_DAYS));
            }
        }
        if (filter.overdue() != null) {
            clauses.add(filter.overdue() ? "a.task_next_due_date < :today"
                    : "(a.task_next_due_date IS NULL OR a.task_next_due_date >= :today)");
            params.put("today", today);
        }
        String body = "FROM assignment a WHERE " + String.join(" AND ", clauses);
        // a unit has one assignment per task (assignment_unit_unique), so its entries are its tasks, each once
        return Optional.of(new TaskQuery("", "a.task_id", body, unitOrder, orderBy, params));
    }

    private static String lightClause(Light light) {
        return switch (light) {
            case RED -> "t.next_due_date < :today";
            case YELLOW -> "t.next_due_date >= :today AND t.next_due_date <= :yellowEnd";
            case GREEN -> "t.next_due_date > :yellowEnd";
            case NONE -> "t.next_due_date IS NULL";
        };
    }
}
