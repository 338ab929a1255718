package cn.gov.supervision.notifications.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which open assignments a reminder can fire for on one day, as due-date ranges the database can answer from an index,
 * so that the daily run reads what is due or overdue instead of every assignment ever planned.
 *
 * <p>The ranges are worked out by asking {@link ReminderRules} itself about every due date that could still be ahead
 * of the day's furthest reminder (the working-day arithmetic stays on the official calendar, in one place), so the
 * window can never drift from the rules: a due date is in a range exactly when the rules fire for it, and everything
 * overdue is read because overdue notices repeat for as long as the work stays open.
 *
 * @param dueDateRanges         per deadline kind, the due dates whose open assignments are read; disjoint
 * @param reportingRecurrences  the recurrences whose RECURRING tasks report progress on the day (their due date is
 *                              irrelevant)
 */
public record ReminderWindow(LocalDate day, List<DueDateRange> dueDateRanges, Set<Recurrence> reportingRecurrences) {

    /**
     * Due dates {@code [from, to]} of one deadline kind; {@code from} is null for "everything before {@code to}".
     */
    public record DueDateRange(DeadlineKind kind, LocalDate from, LocalDate to) {
        public DueDateRange {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(to, "to");
            if (from != null && from.isAfter(to)) {
                throw new IllegalArgumentException("empty range " + from + ".." + to);
            }
        }

        public boolean contains(LocalDate dueDate) {
            return (from == null || !dueDate.isBefore(from)) && !dueDate.isAfter(to);
        }
    }

    public ReminderWindow {
        Objects.requireNonNull(day, "day");
        dueDateRanges = List.copyOf(dueDateRanges);
        reportingRecurrences = reportingRecurrences.isEmpty() ? Set.of() : Set.copyOf(reportingRecurrences);
    }

    /** Whether an open assignment of this kind, due then, is one the window reads (RECURRING: never by due date). */
    public boolean reads(DeadlineKind kind, LocalDate dueDate) {
        return dueDate != null && dueDateRanges.stream().anyMatch(r -> r.kind() == kind && r.contains(dueDate));
    }

    /**
     * The ranges of every kind merged, in date order: what one index over due dates is asked for (the kind is on the
     * task, so the assignments read are then sorted out with {@link #reads}).
     */
    public List<DueDateSpan> spans() {
        List<DueDateRange> sorted = new ArrayList<>(dueDateRanges);
        sorted.sort(Comparator.comparing(DueDateRange::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<DueDateSpan> merged = new ArrayList<>();
        for (DueDateRange range : sorted) {
            DueDateSpan last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (range.from() == null || !range.from().isAfter(last.to().plusDays(1)))) {
                merged.set(merged.size() - 1,
                        new DueDateSpan(last.from(), range.to().isAfter(last.to()) ? range.to() : last.to()));
            } else {
                merged.add(new DueDateSpan(range.from(), range.to()));
            }
        }
        return merged;
    }

    /** Due dates {@code [from, to]} of any kind; {@code from} is null for "everything before {@code to}". */
    public record DueDateSpan(LocalDate from, LocalDate to) {
    }

    /** The kinds whose reminders count towards a due date; ONGOING and NONE never fire. */
    private static final List<DeadlineKind> DATED_KINDS = List.of(DeadlineKind.DATE, DeadlineKind.YEAR_ROUND);

    public static ReminderWindow on(LocalDate day, ReminderRules rules, WorkingDayCalendar calendar,
                                    ReminderPolicy policy) {
        if (!calendar.isWorkingDay(day)) {
            return new ReminderWindow(day, List.of(), Set.of()); // reminders fall on working days only
        }
        LocalDate lastDueDate = lastDueDateAhead(day, calendar, policy);
        List<DueDateRange> ranges = new ArrayList<>();
        for (DeadlineKind kind : DATED_KINDS) {
            // On a working day, a due date before it has an effective deadline before it: overdue, and overdue
            // notices repeat while the work is open, so all of it is read (the open ones only, see the repository).
            ranges.add(new DueDateRange(kind, null, day.minusDays(1)));
            // A year-round task reports progress at each quarter's end until its deadline in the same year.
            LocalDate endOfYear = LocalDate.of(day.getYear(), 12, 31);
            LocalDate last = kind == DeadlineKind.YEAR_ROUND && policy.quarterlyProgressForYearRound()
                    && endOfYear.isAfter(lastDueDate) ? endOfYear : lastDueDate;
            LocalDate runStart = null;
            for (LocalDate due = day; !due.isAfter(last); due = due.plusDays(1)) {
                boolean fires = !rules.remindersOn(day, kind, due, null, false).isEmpty();
                if (fires && runStart == null) {
                    runStart = due;
                } else if (!fires && runStart != null) {
                    ranges.add(new DueDateRange(kind, runStart, due.minusDays(1)));
                    runStart = null;
                }
            }
            if (runStart != null) {
                ranges.add(new DueDateRange(kind, runStart, last));
            }
        }
        Set<Recurrence> reporting = EnumSet.noneOf(Recurrence.class);
        for (Recurrence recurrence : Recurrence.values()) {
            if (!rules.remindersOn(day, DeadlineKind.RECURRING, null, recurrence, false).isEmpty()) {
                reporting.add(recurrence);
            }
        }
        return new ReminderWindow(day, ranges, reporting);
    }

    /**
     * The latest due date a reminder before the deadline can be about on {@code day}: an upcoming reminder needs an
     * effective deadline no later than the n-th working day after the day (working-day rules) or than n calendar days
     * after the day's last rest day (calendar-day rules, moved back onto a working day); a due date on a rest day
     * after that effective deadline still counts towards it.
     */
    static LocalDate lastDueDateAhead(LocalDate day, WorkingDayCalendar calendar, ReminderPolicy policy) {
        LocalDate furthestDeadline = day;
        LocalDate workingDay = day;
        int mostWorkingDays = policy.workingDaysBefore().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int i = 0; i < mostWorkingDays; i++) {
            workingDay = calendar.nextWorkingDayAfter(workingDay);
        }
        if (workingDay.isAfter(furthestDeadline)) {
            furthestDeadline = workingDay;
        }
        int mostCalendarDays = policy.calendarDaysBefore().stream().mapToInt(Integer::intValue).max().orElse(0);
        LocalDate byCalendarDays = calendar.nextWorkingDayAfter(day).minusDays(1).plusDays(mostCalendarDays);
        if (byCalendarDays.isAfter(furthestDeadline)) {
            furthestDeadline = byCalendarDays;
        }
        return calendar.nextWorkingDayAfter(furthestDeadline).minusDays(1);
    }
}
