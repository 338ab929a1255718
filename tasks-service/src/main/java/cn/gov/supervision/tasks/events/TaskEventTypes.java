package cn.gov.supervision.tasks.events;

/** The tasks.events contract: topic, envelope subject field and event types (schemas in src/main/resources/schemas). */
public final class TaskEventTypes {

    public static final String TOPIC = "tasks.events";
    public static final String SUBJECT_FIELD = "taskId";
    public static final int SCHEMA_VERSION = 1;

    public static final String TASK_CREATED = "TaskCreated";
    public static final String TASK_UPDATED = "TaskUpdated";
    public static final String DEADLINE_CHANGED = "DeadlineChanged";
    public static final String ASSIGNMENT_STATUS_CHANGED = "AssignmentStatusChanged";
    public static final String PROGRESS_REPORTED = "ProgressReported";
    public static final String TASK_DELETED = "TaskDeleted";

    private TaskEventTypes() {
    }
}
