package cn.gov.supervision.notifications.events;

import cn.gov.supervision.kit.events.EventEnvelope;
import cn.gov.supervision.kit.events.EventSubscriber;
import cn.gov.supervision.notifications.domain.AssignmentInfo;
import cn.gov.supervision.notifications.domain.DeadlineKind;
import cn.gov.supervision.notifications.domain.Recurrence;
import cn.gov.supervision.notifications.domain.TaskInfo;
import cn.gov.supervision.notifications.repository.TaskInfoRepository;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps deadlines and assignments from tasks.events (contract: tasks-service/src/main/resources/schemas). Every event
 * carries the task's full state, so a changed deadline simply replaces the old one and later runs plan from it.
 */
@ApplicationScoped
public class TaskInfoUpdater implements EventSubscriber {

    private final TaskInfoRepository tasks;

    public TaskInfoUpdater(TaskInfoRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public String topic() {
        return "tasks.events";
    }

    @Override
    public String consumerName() {
        return "notifications-service.tasks";
    }

    @Override
    public String subjectField() {
        return "taskId";
    }

    @Override
    public void apply(EventEnvelope event) {
        TaskInfo existing = tasks.findById(event.subjectId());
        if ("TaskDeleted".equals(event.type())) {
            if (existing != null) {
                tasks.delete(existing);
            }
            tasks.forgetSnapshots(event.subjectId());
            return;
        }
        JsonNode payload = event.payload();
        TaskInfo task = existing != null ? existing : new TaskInfo();
        task.id = event.subjectId();
        task.planId = UUID.fromString(payload.path("planId").asText());
        task.code = payload.path("code").asText();
        task.title = payload.path("title").asText();
        JsonNode deadline = payload.path("deadline");
        task.deadlineText = text(deadline.path("text"));
        task.deadlineKind = DeadlineKind.valueOf(deadline.path("kind").asText("NONE"));
        task.dueDate = date(deadline.path("dueDate"));
        String recurrence = text(deadline.path("recurrence"));
        task.recurrence = recurrence == null ? null : Recurrence.valueOf(recurrence);
        task.version = payload.path("version").asLong();
        Map<UUID, AssignmentInfo> before = new HashMap<>();
        task.assignments.forEach(a -> before.put(a.unitId, a));
        // the time of a unit's last report is not in the task's state: keep it from the event that reported it
        JsonNode change = payload.path("change");
        UUID reportingUnit = "ProgressReported".equals(event.type()) && change.path("unitId").isTextual()
                ? UUID.fromString(change.path("unitId").asText()) : null;
        task.assignments.clear();
        for (JsonNode a : payload.path("assignments")) {
            AssignmentInfo assignment = new AssignmentInfo();
            assignment.unitId = UUID.fromString(a.path("unitId").asText());
            assignment.role = a.path("role").asText();
            assignment.status = a.path("status").asText();
            assignment.dueDate = date(a.path("dueDate"));
            assignment.percent = a.path("percent").isInt() ? a.path("percent").asInt() : null;
            AssignmentInfo previous = before.get(assignment.unitId);
            assignment.lastProgressAt = assignment.unitId.equals(reportingUnit) ? event.occurredAt()
                    : previous == null ? null : previous.lastProgressAt;
            task.assignments.add(assignment);
            if (previous == null || !previous.status.equals(assignment.status)
                    || !Objects.equals(previous.dueDate, assignment.dueDate)) {
                // the weekly report replays these to tell how an assignment stood on a past day
                tasks.recordSnapshot(task.id, assignment, event.occurredAt());
            }
        }
        tasks.persist(task);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static LocalDate date(JsonNode node) {
        String text = text(node);
        return text == null ? null : LocalDate.parse(text);
    }
}
