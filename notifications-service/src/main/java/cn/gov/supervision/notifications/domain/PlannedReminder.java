package cn.gov.supervision.notifications.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A reminder that is due on a given day for one assignment.
 *
 * @param kind               what the recipient is told
 * @param rule               which rule fired
 * @param ruleDetail         human-readable detail of the rule, e.g. "7 days before", "overdue working day 4"
 * @param effectiveDeadline  the last working day on or before the due date; {@code null} for tasks without a due date
 * @param overdueWorkingDays how many working days the assignment is past its effective deadline; 0 when not overdue
 */
public record PlannedReminder(
        ReminderKind kind,
        ReminderRule rule,
        String ruleDetail,
        LocalDate effectiveDeadline,
        int overdueWorkingDays) {

    public PlannedReminder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(ruleDetail, "ruleDetail");
        if (overdueWorkingDays < 0) {
            throw new IllegalArgumentException("overdueWorkingDays must not be negative: " + overdueWorkingDays);
        }
    }
}
