package cn.gov.supervision.tasks.domain;

public enum Recurrence {
    MONTHLY,
    QUARTERLY,
    ANNUAL
}
