package cn.gov.supervision.tasks.events;

import cn.gov.supervision.kit.events.EventEnvelope;
import cn.gov.supervision.kit.events.OutboxWriter;
import cn.gov.supervision.tasks.api.TaskView;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Writes tasks.events to the outbox, keyed by task id (so a task's events stay in order). The payload is the task's
 * full current state, as GET /tasks/{id} shows it, plus a {@code change} object saying what just happened.
 */
@ApplicationScoped
public class TaskEvents {

    private final OutboxWriter outbox;
    private final ObjectMapper objectMapper;

    public TaskEvents(OutboxWriter outbox, ObjectMapper objectMapper) {
        this.outbox = outbox;
        this.objectMapper = objectMapper;
    }

    public void publish(String type, TaskView task, Map<String, ?> change) {
        ObjectNode payload = objectMapper.valueToTree(task);
        payload.set("change", objectMapper.valueToTree(change == null ? Map.of() : change));
        outbox.append(TaskEventTypes.TOPIC, EventEnvelope.create(type, TaskEventTypes.SCHEMA_VERSION,
                TaskEventTypes.SUBJECT_FIELD, task.id(), payload));
    }
}
