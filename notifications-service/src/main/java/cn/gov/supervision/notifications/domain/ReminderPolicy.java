package cn.gov.supervision.notifications.domain;

import java.util.List;

/**
 * Which reminders the {@link ReminderRules} sends.
 *
 * @param calendarDaysBefore             DUE_SOON reminders this many calendar days before the effective deadline
 *                                       (moved back to a working day when they land on a rest day)
 * @param workingDaysBefore              DUE_SOON reminders on the n-th working day before the effective deadline
 * @param onDeadlineDay                  whether a DUE_TODAY reminder is sent on the effective deadline
 * @param overdueRepeatEveryWorkingDays  OVERDUE notices go out on overdue working day 1 and then every this many
 *                                       working days (1, 4, 7, … for 3)
 * @param escalateAfterWorkingDaysOverdue the overdue working day on which the one-time ESCALATION is sent
 * @param quarterlyProgressForYearRound  whether YEAR_ROUND tasks get a PROGRESS_REPORT on each quarter's last
 *                                       working day
 * @param monthlyProgressForRecurring    whether RECURRING tasks get a PROGRESS_REPORT on the last working day of
 *                                       each period of their recurrence (month, quarter or year)
 */
public record ReminderPolicy(
        List<Integer> calendarDaysBefore,
        List<Integer> workingDaysBefore,
        boolean onDeadlineDay,
        int overdueRepeatEveryWorkingDays,
        int escalateAfterWorkingDaysOverdue,
        boolean quarterlyProgressForYearRound,
        boolean monthlyProgressForRecurring) {

    public ReminderPolicy {
        calendarDaysBefore = nonNegativeOffsets("calendarDaysBefore", calendarDaysBefore);
        workingDaysBefore = nonNegativeOffsets("workingDaysBefore", workingDaysBefore);
        if (overdueRepeatEveryWorkingDays < 1) {
            throw new IllegalArgumentException(
                    "overdueRepeatEveryWorkingDays must be at least 1: " + overdueRepeatEveryWorkingDays);
        }
        if (escalateAfterWorkingDaysOverdue < 1) {
            throw new IllegalArgumentException(
                    "escalateAfterWorkingDaysOverdue must be at least 1: " + escalateAfterWorkingDaysOverdue);
        }
    }

    /** 30 and 7 calendar days, 3 and 1 working days before; on the day; overdue every 3 working days; escalate on day 5. */
    public static ReminderPolicy defaults() {
        return new ReminderPolicy(List.of(30, 7), List.of(3, 1), true, 3, 5, true, true);
    }

    private static List<Integer> nonNegativeOffsets(String field, List<Integer> offsets) {
        if (offsets == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        for (Integer offset : offsets) {
            if (offset == null) {
                throw new IllegalArgumentException(field + " must not contain null: " + offsets);
            }
            if (offset < 0) {
                throw new IllegalArgumentException(field + " must not contain negative values: " + offsets);
            }
        }
        return List.copyOf(offsets);
    }
}
