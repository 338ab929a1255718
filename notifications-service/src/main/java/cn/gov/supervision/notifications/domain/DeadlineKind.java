package cn.gov.supervision.notifications.domain;

/** How a task states its deadline; mirrors the tasks service's enum of the same name. */
public enum DeadlineKind {
    /** A fixed due date. */
    DATE,
    /** Runs through the year with a final due date (usually year end) and quarterly progress reports. */
    YEAR_ROUND,
    /** Long-running work without a deadline (长期坚持). */
    ONGOING,
    /** Repeats on a {@link Recurrence} cadence; has no due date of its own. */
    RECURRING,
    /** No deadline was set. */
    NONE
}
