package cn.gov.supervision.notifications.domain;

/** The rule that made a reminder fire; kept with the reminder so that a notification can say why it was sent. */
public enum ReminderRule {
    /** A configured number of calendar days before the effective deadline. */
    DAYS_BEFORE,
    /** A configured number of working days before the effective deadline. */
    WORKING_DAYS_BEFORE,
    /** The effective deadline itself. */
    DEADLINE_DAY,
    /** A repeated notice while the assignment is past its deadline. */
    OVERDUE,
    /** The one-time escalation after a configured number of overdue working days. */
    ESCALATION,
    /** The last working day of a reporting period of a year-round or recurring task. */
    PROGRESS_REPORT
}
