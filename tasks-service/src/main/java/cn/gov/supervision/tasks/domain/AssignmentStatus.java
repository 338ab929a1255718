package cn.gov.supervision.tasks.domain;

/** Where one unit's part of a task stands; the task's own status rolls up from these. */
public enum AssignmentStatus {
    NOT_STARTED,
    IN_PROGRESS,
    /** 办结申请: the unit says it is done and waits for a supervisor. */
    COMPLETION_REQUESTED,
    COMPLETED,
    /** 延期申请: the unit asks for a later deadline. */
    EXTENSION_REQUESTED
}
