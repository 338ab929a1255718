package cn.gov.supervision.notifications.repository;

import cn.gov.supervision.notifications.domain.TaskInfo;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class TaskInfoRepository implements PanacheRepositoryBase<TaskInfo, UUID> {
}
