package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.domain.TaskChange;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TaskChangeRepository implements PanacheRepositoryBase<TaskChange, UUID> {

    public List<TaskChange> findByTask(UUID taskId) {
        return list("taskId", Sort.by("changedAt").and("id"), taskId);
    }
}
