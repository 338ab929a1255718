package cn.gov.supervision.notifications.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily run reads only the due dates of {@link ReminderWindow}; an assignment outside it would silently never be
 * reminded. So, for every day of the official 2022–2026 calendar: every due date the rules fire for lies in the
 * window (nothing missed), and ahead of the day the window holds nothing else (nothing read in vain).
 */
class ReminderWindowTest {

    private static final WorkingDayCalendar CALENDAR = OfficialCalendar.CALENDAR;
    private static final LocalDate FIRST = LocalDate.of(2022, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 30); // reminders look a month ahead

    @Test
    void theDefaultPolicysWindowHoldsExactlyTheDueDatesItFiresForOnEveryDay() {
        assertWindowMatchesRules(ReminderPolicy.defaults());
    }

    /** Long horizons, 0-day offsets and reminders that fall in the long holidays (春节, 国庆) and their 调休 days. */
    @Test
    void anUnusualPolicysWindowDoesToo() {
        assertWindowMatchesRules(new ReminderPolicy(List.of(0, 10, 45), List.of(0, 2, 12), false, 1, 2, false, true));
    }

    @Test
    void aRestDayReadsNothing() {
        ReminderRules rules = new ReminderRules(CALENDAR, ReminderPolicy.defaults());
        ReminderWindow national = ReminderWindow.on(LocalDate.of(2022, 10, 3), rules, CALENDAR, ReminderPolicy.defaults());
        assertThat(national.dueDateRanges()).isEmpty();
        assertThat(national.reportingRecurrences()).isEmpty();
    }

    @Test
    void onTheLastWorkingDayOfAQuarterEveryRecurrenceEndingThenReports() {
        ReminderRules rules = new ReminderRules(CALENDAR, ReminderPolicy.defaults());
        // 2022-09-30 (Friday) ends September and Q3; the year goes on
        assertThat(ReminderWindow.on(LocalDate.of(2022, 9, 30), rules, CALENDAR, ReminderPolicy.defaults())
                .reportingRecurrences()).containsExactlyInAnyOrder(Recurrence.MONTHLY, Recurrence.QUARTERLY);
        assertThat(ReminderWindow.on(LocalDate.of(2022, 9, 29), rules, CALENDAR, ReminderPolicy.defaults())
                .reportingRecurrences()).isEmpty();
    }

    private static void assertWindowMatchesRules(ReminderPolicy policy) {
        ReminderRules rules = new ReminderRules(CALENDAR, policy);
        List<String> wrong = new ArrayList<>();
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            ReminderWindow window = ReminderWindow.on(day, rules, CALENDAR, policy);
            // RECURRING ignores due dates, NONE is ONGOING's twin: the kinds below stand for all of them
            for (DeadlineKind kind : List.of(DeadlineKind.DATE, DeadlineKind.YEAR_ROUND, DeadlineKind.ONGOING)) {
                // overdue dates a little way back (all of them are read), and every date ahead that a reminder could
                // be about: two months (beyond any horizon of these policies), or the year's end for year-round work
                LocalDate last = kind == DeadlineKind.YEAR_ROUND && day.getMonthValue() >= 11
                        ? LocalDate.of(day.getYear() + 1, 1, 31) : kind == DeadlineKind.YEAR_ROUND
                        ? LocalDate.of(day.getYear(), 12, 31) : day.plusDays(60);
                for (LocalDate due = day.minusDays(20); !due.isAfter(last); due = due.plusDays(1)) {
                    boolean fires = !rules.remindersOn(day, kind, due, null, false).isEmpty();
                    boolean read = inWindow(window, kind, due);
                    if (read != window.reads(kind, due)) {
                        wrong.add(day + " " + kind + " due " + due + ": reads() disagrees with the ranges");
                    }
                    if (fires && !read || !fires && read && !due.isBefore(day)) {
                        wrong.add(day + " " + kind + " due " + due + (fires ? " fires but is not read" : " is read in vain"));
                    }
                }
            }
            List<ReminderWindow.DueDateSpan> spans = window.spans(); // what the index is asked for: all ranges, once
            for (int i = 1; i < spans.size(); i++) {
                if (!spans.get(i).from().isAfter(spans.get(i - 1).to().plusDays(1))) {
                    wrong.add(day + " spans overlap or touch: " + spans);
                }
            }
            for (ReminderWindow.DueDateRange range : window.dueDateRanges()) {
                if (spans.stream().noneMatch(s -> (s.from() == null || range.from() != null && !range.from().isBefore(s.from()))
                        && !range.to().isAfter(s.to()))) {
                    wrong.add(day + " " + range + " is in no span of " + spans);
                }
            }
            for (Recurrence recurrence : Recurrence.values()) {
                boolean fires = !rules.remindersOn(day, DeadlineKind.RECURRING, null, recurrence, false).isEmpty();
                if (fires != window.reportingRecurrences().contains(recurrence)) {
                    wrong.add(day + " RECURRING " + recurrence);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean inWindow(ReminderWindow window, DeadlineKind kind, LocalDate due) {
        return window.dueDateRanges().stream().anyMatch(r -> r.kind() == kind && r.contains(due));
    }
}
