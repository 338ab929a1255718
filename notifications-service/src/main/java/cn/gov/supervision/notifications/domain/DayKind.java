package cn.gov.supervision.notifications.domain;

/** How the State Council's holiday arrangement overrides the plain Monday–Friday rule for one date. */
public enum DayKind {
    /** A day off, usually a weekday inside a public holiday (the published lists also name the weekend days of the holiday). */
    HOLIDAY,
    /** A Saturday or Sunday that is a make-up working day (调休). */
    WORKDAY
}
