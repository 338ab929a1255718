package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.domain.TaskChange;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class TaskChangeRepository implements PanacheRepositoryBase<TaskChange, UUID> {

    /**
     * A task's history, oldest first; when {@code units} is given, the task's own changes and those of these units'
     * assignments only (what a unit-bound caller may see).
     */
    public PanacheQuery<TaskChange> findByTask(UUID taskId, Optional<Set<UUID>> units) {
        Sort order = Sort.by("changedAt").and("id");
        return units.isEmpty() ? find("taskId", order, taskId)
                : find("taskId = ?1 and (unitId is null or unitId in ?2)", order, taskId, units.get());
    }
}
