package cn.gov.supervision.notifications.domain;

/** Reporting cadence of a {@link DeadlineKind#RECURRING} task; mirrors the tasks service's enum of the same name. */
public enum Recurrence {
    MONTHLY,
    QUARTERLY,
    ANNUAL
}
