package cn.gov.supervision.notifications.repository;

import cn.gov.supervision.notifications.domain.AssignmentInfo;
import cn.gov.supervision.notifications.domain.AssignmentSnapshot;
import cn.gov.supervision.notifications.domain.TaskInfo;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.UUID;

@ApplicationScoped
public class TaskInfoRepository implements PanacheRepositoryBase<TaskInfo, UUID> {

    /** How an assignment stands from {@code at} on (the time of the event that said so). */
    public void recordSnapshot(UUID taskId, AssignmentInfo assignment, OffsetDateTime at) {
        AssignmentSnapshot snapshot = new AssignmentSnapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.taskId = taskId;
        snapshot.unitId = assignment.unitId;
        snapshot.occurredAt = at;
        snapshot.status = assignment.status;
        snapshot.dueDate = assignment.dueDate;
        getEntityManager().persist(snapshot);
    }

    public void forgetSnapshots(UUID taskId) {
        getEntityManager().createNativeQuery("DELETE FROM assignment_snapshot WHERE task_id = :task")
                .setParameter("task", taskId).executeUpdate();
    }
}
