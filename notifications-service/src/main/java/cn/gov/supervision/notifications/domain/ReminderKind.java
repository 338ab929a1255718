package cn.gov.supervision.notifications.domain;

/** What the recipient of a reminder is told. */
public enum ReminderKind {
    DUE_SOON,
    DUE_TODAY,
    OVERDUE,
    ESCALATION,
    PROGRESS_REPORT
}
