package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.kit.web.RequestIds;
import cn.gov.supervision.tasks.domain.TaskChange;
import cn.gov.supervision.tasks.repository.TaskChangeRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** Writes the history lines of tasks in the same transaction as the change itself. */
@ApplicationScoped
public class TaskHistory {

    private final TaskChangeRepository changes;

    public TaskHistory(TaskChangeRepository changes) {
        this.changes = changes;
    }

    public void record(UUID taskId, String action, UUID unitId, String field, Object oldValue, Object newValue) {
        TaskChange change = new TaskChange();
        change.id = UUID.randomUUID();
        change.taskId = taskId;
        change.changedAt = OffsetDateTime.now();
        // the verified caller (a person's name or an API key's token subject); null for changes no request made
        change.actor = Caller.currentActor();
        change.requestId = RequestIds.current();
        change.action = action;
        change.unitId = unitId;
        change.field = field;
        change.oldValue = oldValue == null ? null : oldValue.toString();
        change.newValue = newValue == null ? null : newValue.toString();
        changes.persist(change);
    }

    /** Records a field change only when the value really changes. */
    public boolean recordIfChanged(UUID taskId, String field, Object oldValue, Object newValue) {
        if (Objects.equals(oldValue, newValue)) {
            return false;
        }
        record(taskId, "UPDATED", null, field, oldValue, newValue);
        return true;
    }
}
