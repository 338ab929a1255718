package cn.gov.supervision.tasks.api;

import cn.gov.supervision.tasks.domain.TaskChange;

import java.time.OffsetDateTime;
import java.util.UUID;

public record TaskChangeView(UUID id, OffsetDateTime changedAt, String actor, String requestId, String action,
                             UUID unitId, String field, String oldValue, String newValue) {

    public static TaskChangeView of(TaskChange change) {
        return new TaskChangeView(change.id, change.changedAt, change.actor, change.requestId, change.action,
                change.unitId, change.field, change.oldValue, change.newValue);
    }
}
