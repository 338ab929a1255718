package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.api.TaskFilter;
import cn.gov.supervision.tasks.domain.Light;
import cn.gov.supervision.tasks.domain.Task;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
     * Every filter is a plain predicate on an indexed column of task or assignment; light and overdue compare the
     * denormalised next_due_date (earliest open due date) with today, so no per-row computation is needed.
     */
    public PanacheQuery<Task> search(TaskFilter filter, LocalDate today, Sort sort, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.planId() != null) {
            clauses.add("t.planId = :planId");
            params.and("planId", filter.planId());
        }
        if (filter.unitId() != null) {
            String role = filter.role() == null ? "" : " and a.role = :role";
            String namedRole = filter.role() == null ? "" : " and n.role = :role";
            clauses.add("(t.id in (select a.task.id from Assignment a where a.unitId = :unitId" + role + ")"
                    + " or t.id in (select t2.id from Task t2 join t2.namedUnits n where n.unitId = :unitId"
                    + namedRole + "))");
            params.and("unitId", filter.unitId());
            if (filter.role() != null) {
                params.and("role", filter.role());
            }
        }
        if (filter.status() != null) {
            clauses.add("t.status = :status");
            params.and("status", filter.status());
        }
        if (filter.category() != null) {
            clauses.add("t.category = :category");
            params.and("category", filter.category());
        }
        if (filter.light() != null) {
            clauses.add(lightClause(filter.light()));
            if (filter.light() == Light.RED || filter.light() == Light.YELLOW) {
                params.and("today", today);
            }
            if (filter.light() == Light.YELLOW || filter.light() == Light.GREEN) {
                params.and("yellowEnd", today.plusDays(Light.YELLOW_DAYS));
            }
        }
        if (filter.dueFrom() != null) {
            clauses.add("t.dueDate >= :dueFrom");
            params.and("dueFrom", filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            clauses.add("t.dueDate <= :dueTo");
            params.and("dueTo", filter.dueTo());
        }
        if (filter.overdue() != null) {
            clauses.add(filter.overdue() ? "t.nextDueDate < :today" : "(t.nextDueDate is null or t.nextDueDate >= :today)");
            params.and("today", today);
        }
        if (filter.q() != null && !filter.q().isEmpty()) {
            clauses.add("t.searchText like :pattern escape '\\'");
            params.and("pattern", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        return find("from Task t" + where, sort, params).page(Page.of(page, size));
    }

    private static String lightClause(Light light) {
        return switch (light) {
            case RED -> "t.nextDueDate < :today";
            case YELLOW -> "t.nextDueDate >= :today and t.nextDueDate <= :yellowEnd";
            case GREEN -> "t.nextDueDate > :yellowEnd";
            case NONE -> "t.nextDueDate is null";
        };
    }
}
