package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.api.TaskFilter;
import cn.gov.supervision.tasks.domain.Light;
import cn.gov.supervision.tasks.domain.Task;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    public record SearchPage(List<Task> tasks, long total) {
    }

    /**
     * One page of tasks matching every filter. Each filter is a plain predicate on an indexed column; light and
     * overdue compare the denormalised next_due_date (earliest open due date) with today. When a unit is given, its
     * tasks are collected first (a materialised CTE over the assignment or task_unit index): a unit has at most a few
     * thousand tasks, and without it PostgreSQL may walk all tasks in due-date order hunting for the unit's ones.
     * tasks-service/bench/list-100k.sh measures this at 100,000 tasks and prints the plans.
     *
     * @param orderBy a whitelisted ORDER BY list over columns of task t (see TaskSort)
     */
    public SearchPage search(TaskFilter filter, boolean unitIsGroup, LocalDate today, String orderBy, int page,
                             int size) {
        String cte = "";
        StringBuilder from = new StringBuilder();
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.unitId() != null) {
            String role = filter.role() == null ? "" : " AND role = :role";
            // a unit that works on tasks has an assignment for each (groups are expanded into their members); a group
            // itself has none, so its tasks are the ones that name it
            cte = "WITH mine AS MATERIALIZED (SELECT DISTINCT task_id FROM " + (unitIsGroup ? "task_unit" : "assignment")
                    + " WHERE unit_id = :unitId" + role + ") ";
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

        // the total comes with the page (a window over the matching rows), so the matching rows are found once
        Query ids = getEntityManager().createNativeQuery(cte + "SELECT t.id, count(*) OVER () " + body
                + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset");
        params.forEach(ids::setParameter);
        ids.setParameter("limit", size);
        ids.setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ids.getResultList();
        if (rows.isEmpty()) {
            // a page past the end has no row to carry the total
            Query count = getEntityManager().createNativeQuery(cte + "SELECT count(*) " + body);
            params.forEach(count::setParameter);
            return new SearchPage(List.of(), ((Number) count.getSingleResult()).longValue());
        }
        long total = ((Number) rows.get(0)[1]).longValue();
        List<UUID> pageIds = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, Task> byId = new LinkedHashMap<>();
        pageIds.forEach(id -> byId.put(id, null));
        list("id in ?1", pageIds).forEach(task -> byId.put(task.id, task));
        return new SearchPage(byId.values().stream().filter(Objects::nonNull).toList(), total);
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
