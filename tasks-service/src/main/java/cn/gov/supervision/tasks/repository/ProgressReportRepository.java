package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.domain.ProgressReport;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {

    /** A task's reports, oldest first; only those of {@code units} when given (what a unit-bound caller may see). */
    public PanacheQuery<ProgressReport> findByTask(UUID taskId, Optional<Set<UUID>> units) {
        Sort order = Sort.by("reportedAt").and("id");
        return units.isEmpty() ? find("taskId", order, taskId)
                : find("taskId = ?1 and unitId in ?2", order, taskId, units.get());
    }

    public long countByAssignment(UUID taskId, UUID unitId) {
        return count("taskId = ?1 and unitId = ?2", taskId, unitId);
    }
}
