package cn.gov.supervision.notifications.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Decides which reminders fire on a given day for one assignment (one responsible unit's part of a task).
 *
 * <p>Stateless: the answer depends only on the arguments, the calendar and the policy, so a changed deadline is
 * simply a call with the new due date, and a daily job can ask about "today" without remembering what it sent.
 * Reminders fall on working days only.
 */
public final class ReminderRules {

    private final WorkingDayCalendar calendar;
    private final ReminderPolicy policy;

    public ReminderRules(WorkingDayCalendar calendar, ReminderPolicy policy) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The deadline that reminders count towards: the last working day on or before the due date, because a
     * deadline such as 12月底前 that falls on a rest day has to be met on the working day before it.
     */
    public LocalDate effectiveDeadline(LocalDate dueDate) {
        return calendar.lastWorkingDayOnOrBefore(Objects.requireNonNull(dueDate, "dueDate"));
    }

    /**
     * The reminders due on {@code day} for one assignment, in this order: the due-soon or due-today reminder, the
     * overdue notice, the escalation, the progress report. Empty on rest days, for completed assignments, for
     * ONGOING and NONE tasks, and for DATE and YEAR_ROUND tasks without a due date.
     *
     * @param dueDate    the assignment's due date; ignored for RECURRING, ONGOING and NONE
     * @param recurrence the cadence of a RECURRING task; ignored otherwise
     */
    public List<PlannedReminder> remindersOn(
            LocalDate day, DeadlineKind kind, LocalDate dueDate, Recurrence recurrence, boolean completed) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        if (completed || !calendar.isWorkingDay(day)) {
            return List.of();
        }
        return switch (kind) {
            case DATE -> dueDate == null ? List.of() : deadlineReminders(day, effectiveDeadline(dueDate));
            case YEAR_ROUND -> dueDate == null ? List.of() : yearRoundReminders(day, dueDate);
            case RECURRING -> recurringReminders(day, recurrence);
            case ONGOING, NONE -> List.of();
        };
    }

    private List<PlannedReminder> deadlineReminders(LocalDate day, LocalDate effectiveDeadline) {
        if (day.isAfter(effectiveDeadline)) {
            return overdueReminders(day, effectiveDeadline);
        }
        return upcomingReminder(day, effectiveDeadline).map(List::of).orElse(List.of());
    }

    /** At most one reminder before the deadline: when several rules land on one day, the most specific one wins. */
    private Optional<PlannedReminder> upcomingReminder(LocalDate day, LocalDate effectiveDeadline) {
        if (policy.onDeadlineDay() && day.equals(effectiveDeadline)) {
            return Optional.of(new PlannedReminder(
                    ReminderKind.DUE_TODAY, ReminderRule.DEADLINE_DAY, "deadline day", effectiveDeadline, 0));
        }
        Optional<Integer> workingDays = smallestOffsetLandingOn(policy.workingDaysBefore(),
                n -> calendar.workingDaysBefore(effectiveDeadline, n), day);
        if (workingDays.isPresent()) {
            return Optional.of(new PlannedReminder(ReminderKind.DUE_SOON, ReminderRule.WORKING_DAYS_BEFORE,
                    plural(workingDays.get(), "working day") + " before", effectiveDeadline, 0));
        }
        Optional<Integer> calendarDays = smallestOffsetLandingOn(policy.calendarDaysBefore(),
                n -> calendar.lastWorkingDayOnOrBefore(effectiveDeadline.minusDays(n)), day);
        return calendarDays.map(n -> new PlannedReminder(ReminderKind.DUE_SOON, ReminderRule.DAYS_BEFORE,
                plural(n, "day") + " before", effectiveDeadline, 0));
    }

    private static Optional<Integer> smallestOffsetLandingOn(
            List<Integer> offsets, IntFunction<LocalDate> reminderDayForOffset, LocalDate day) {
        return offsets.stream()
                .filter(n -> reminderDayForOffset.apply(n).equals(day))
                .min(Comparator.naturalOrder());
    }

    private List<PlannedReminder> overdueReminders(LocalDate day, LocalDate effectiveDeadline) {
        int overdueDay = calendar.overdueWorkingDay(effectiveDeadline, day);
        String detail = "overdue working day " + overdueDay;
        List<PlannedReminder> reminders = new ArrayList<>(2);
        if ((overdueDay - 1) % policy.overdueRepeatEveryWorkingDays() == 0) {
            reminders.add(new PlannedReminder(
                    ReminderKind.OVERDUE, ReminderRule.OVERDUE, detail, effectiveDeadline, overdueDay));
        }
        if (overdueDay == policy.escalateAfterWorkingDaysOverdue()) {
            reminders.add(new PlannedReminder(
                    ReminderKind.ESCALATION, ReminderRule.ESCALATION, detail, effectiveDeadline, overdueDay));
        }
        return reminders;
    }

    private List<PlannedReminder> yearRoundReminders(LocalDate day, LocalDate dueDate) {
        LocalDate effectiveDeadline = effectiveDeadline(dueDate);
        List<PlannedReminder> reminders = new ArrayList<>(deadlineReminders(day, effectiveDeadline));
        if (policy.quarterlyProgressForYearRound()
                && day.getYear() == dueDate.getYear()
                && !day.isAfter(effectiveDeadline)
                && day.equals(calendar.lastWorkingDayOfQuarter(day.getYear(), quarterOf(day)))) {
            reminders.add(new PlannedReminder(ReminderKind.PROGRESS_REPORT, ReminderRule.PROGRESS_REPORT,
                    "Q" + quarterOf(day) + " " + day.getYear() + " progress report", effectiveDeadline, 0));
        }
        return reminders;
    }

    private List<PlannedReminder> recurringReminders(LocalDate day, Recurrence recurrence) {
        if (!policy.monthlyProgressForRecurring() || recurrence == null) {
            return List.of();
        }
        LocalDate lastWorkingDayOfPeriod = switch (recurrence) {
            case MONTHLY -> calendar.lastWorkingDayOfMonth(YearMonth.from(day));
            case QUARTERLY -> calendar.lastWorkingDayOfQuarter(day.getYear(), quarterOf(day));
            case ANNUAL -> calendar.lastWorkingDayOfQuarter(day.getYear(), 4);
        };
        if (!day.equals(lastWorkingDayOfPeriod)) {
            return List.of();
        }
        String period = switch (recurrence) {
            case MONTHLY -> YearMonth.from(day).toString();
            case QUARTERLY -> "Q" + quarterOf(day) + " " + day.getYear();
            case ANNUAL -> String.valueOf(day.getYear());
        };
        return List.of(new PlannedReminder(ReminderKind.PROGRESS_REPORT, ReminderRule.PROGRESS_REPORT,
                period + " progress report", null, 0));
    }

    private static String plural(int count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static int quarterOf(LocalDate day) {
        return day.get(IsoFields.QUARTER_OF_YEAR);
    }
}
