package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.domain.ProgressReport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {

    public List<ProgressReport> findByTask(UUID taskId) {
        return list("taskId", Sort.by("reportedAt").and("id"), taskId);
    }
}
