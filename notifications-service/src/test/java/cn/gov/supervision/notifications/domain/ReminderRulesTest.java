package cn.gov.supervision.notifications.domain;

import static cn.gov.supervision.notifications.domain.DeadlineKind.DATE;
import static cn.gov.supervision.notifications.domain.DeadlineKind.NONE;
import static cn.gov.supervision.notifications.domain.DeadlineKind.ONGOING;
import static cn.gov.supervision.notifications.domain.DeadlineKind.RECURRING;
import static cn.gov.supervision.notifications.domain.DeadlineKind.YEAR_ROUND;
import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReminderRulesTest {

    private static final WorkingDayCalendar CALENDAR = OfficialCalendar.CALENDAR;
    private static final ReminderRules RULES = new ReminderRules(CALENDAR, ReminderPolicy.defaults());

    /** Friday, a working day, right before the 2022 National Day holiday (10-01..10-07, make-up days 10-08/10-09). */
    private static final LocalDate END_OF_SEPTEMBER = parse("2022-09-30");
    private static final LocalDate END_OF_2022 = parse("2022-12-31");

    private static List<PlannedReminder> dueEndOfSeptember(String day) {
        return RULES.remindersOn(parse(day), DATE, END_OF_SEPTEMBER, null, false);
    }

    private static PlannedReminder dueSoon(ReminderRule rule, String detail, LocalDate deadline) {
        return new PlannedReminder(ReminderKind.DUE_SOON, rule, detail, deadline, 0);
    }

    private static PlannedReminder overdue(int day, LocalDate deadline) {
        return new PlannedReminder(ReminderKind.OVERDUE, ReminderRule.OVERDUE, "overdue working day " + day, deadline, day);
    }

    private static PlannedReminder escalation(int day, LocalDate deadline) {
        return new PlannedReminder(
                ReminderKind.ESCALATION, ReminderRule.ESCALATION, "overdue working day " + day, deadline, day);
    }

    private static PlannedReminder dueToday(LocalDate deadline) {
        return new PlannedReminder(ReminderKind.DUE_TODAY, ReminderRule.DEADLINE_DAY, "deadline day", deadline, 0);
    }

    private static PlannedReminder progressReport(String detail, LocalDate deadline) {
        return new PlannedReminder(ReminderKind.PROGRESS_REPORT, ReminderRule.PROGRESS_REPORT, detail, deadline, 0);
    }

    /** "date KIND detail" for every reminder in 2022, in date order. */
    private static List<String> sweep2022(
            ReminderRules rules, DeadlineKind kind, LocalDate dueDate, Recurrence recurrence, boolean completed) {
        List<String> fired = new ArrayList<>();
        for (LocalDate day = parse("2022-01-01"); day.getYear() == 2022; day = day.plusDays(1)) {
            for (PlannedReminder reminder : rules.remindersOn(day, kind, dueDate, recurrence, completed)) {
                fired.add(day + " " + reminder.kind() + " " + reminder.ruleDetail());
            }
        }
        return fired;
    }

    @Nested
    class BeforeADatedDeadline {

        @Test
        void calendarDaysBefore() {
            assertThat(dueEndOfSeptember("2022-08-31"))
                    .containsExactly(dueSoon(ReminderRule.DAYS_BEFORE, "30 days before", END_OF_SEPTEMBER));
            assertThat(dueEndOfSeptember("2022-09-23"))
                    .containsExactly(dueSoon(ReminderRule.DAYS_BEFORE, "7 days before", END_OF_SEPTEMBER));
        }

        @Test
        void workingDaysBefore() {
            assertThat(dueEndOfSeptember("2022-09-27")).containsExactly(
                    dueSoon(ReminderRule.WORKING_DAYS_BEFORE, "3 working days before", END_OF_SEPTEMBER));
            assertThat(dueEndOfSeptember("2022-09-29")).containsExactly(
                    dueSoon(ReminderRule.WORKING_DAYS_BEFORE, "1 working day before", END_OF_SEPTEMBER));
        }

        @Test
        void deadlineDay() {
            assertThat(dueEndOfSeptember("2022-09-30")).containsExactly(dueToday(END_OF_SEPTEMBER));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2022-09-24", "2022-09-25", "2022-09-26", "2022-09-28", "2022-08-30", "2022-09-01"})
        void nothingOnOtherDays(String day) {
            assertThat(dueEndOfSeptember(day)).isEmpty();
        }

        @Test
        void deadlineOnARestDayMovesToTheWorkingDayBefore() {
            // 12月底前: 2022-12-31 is a Saturday (and a New Year holiday)
            assertThat(RULES.effectiveDeadline(END_OF_2022)).isEqualTo("2022-12-30");
            LocalDate effective = parse("2022-12-30");
            assertThat(RULES.remindersOn(effective, DATE, END_OF_2022, null, false))
                    .containsExactly(dueToday(effective));
            assertThat(RULES.remindersOn(END_OF_2022, DATE, END_OF_2022, null, false)).isEmpty();
            // counted from the effective deadline: 30 days before 12-30 is Wednesday 11-30
            assertThat(RULES.remindersOn(parse("2022-11-30"), DATE, END_OF_2022, null, false))
                    .containsExactly(dueSoon(ReminderRule.DAYS_BEFORE, "30 days before", effective));
            // 01-01 and 01-02 are holidays, so the first overdue working day is 01-03
            assertThat(RULES.remindersOn(parse("2023-01-03"), DATE, END_OF_2022, null, false))
                    .containsExactly(overdue(1, effective));
        }

        @Test
        void calendarDaysBeforeOnARestDayMovesToTheWorkingDayBefore() {
            // due Monday 2022-10-31: 30 days before is 10-01, inside the National Day holiday, so 09-30
            LocalDate dueDate = parse("2022-10-31");
            assertThat(RULES.remindersOn(END_OF_SEPTEMBER, DATE, dueDate, null, false))
                    .containsExactly(dueSoon(ReminderRule.DAYS_BEFORE, "30 days before", dueDate));
        }

        @Test
        void aChangedDeadlineIsJustANewDueDate() {
            LocalDate postponed = parse("2022-10-31");
            assertThat(RULES.remindersOn(parse("2022-10-08"), DATE, postponed, null, false)).isEmpty();
            assertThat(RULES.remindersOn(parse("2022-10-24"), DATE, postponed, null, false))
                    .containsExactly(dueSoon(ReminderRule.DAYS_BEFORE, "7 days before", postponed));
            assertThat(RULES.remindersOn(END_OF_SEPTEMBER, DATE, postponed, null, false))
                    .doesNotContain(dueToday(END_OF_SEPTEMBER));
        }
    }

    @Nested
    class Overdue {

        @Test
        void firstOverdueNoticeOnTheMakeUpSaturdayAfterNationalDay() {
            assertThat(dueEndOfSeptember("2022-10-08")).containsExactly(overdue(1, END_OF_SEPTEMBER));
        }

        @Test
        void nothingDuringTheHolidayOrOnDaysBetweenNotices() {
            for (String day : List.of("2022-10-01", "2022-10-05", "2022-10-07", "2022-10-09", "2022-10-10",
                    "2022-10-13", "2022-10-15")) {
                assertThat(dueEndOfSeptember(day)).as(day).isEmpty();
            }
        }

        @Test
        void repeatsEveryThreeWorkingDays() {
            assertThat(dueEndOfSeptember("2022-10-11")).containsExactly(overdue(4, END_OF_SEPTEMBER));
            assertThat(dueEndOfSeptember("2022-10-14")).containsExactly(overdue(7, END_OF_SEPTEMBER));
            assertThat(dueEndOfSeptember("2022-10-19")).containsExactly(overdue(10, END_OF_SEPTEMBER));
        }

        @Test
        void escalatesOnceOnTheFifthOverdueWorkingDay() {
            assertThat(dueEndOfSeptember("2022-10-12")).containsExactly(escalation(5, END_OF_SEPTEMBER));
            long escalations = sweep2022(RULES, DATE, END_OF_SEPTEMBER, null, false).stream()
                    .filter(line -> line.contains("ESCALATION"))
                    .count();
            assertThat(escalations).isEqualTo(1);
        }

        @Test
        void escalationOnAnOverdueNoticeDayComesWithTheNotice() {
            ReminderRules rules = new ReminderRules(
                    CALENDAR, new ReminderPolicy(List.of(30, 7), List.of(3, 1), true, 3, 4, true, true));
            assertThat(rules.remindersOn(parse("2022-10-11"), DATE, END_OF_SEPTEMBER, null, false))
                    .containsExactly(overdue(4, END_OF_SEPTEMBER), escalation(4, END_OF_SEPTEMBER));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2022-08-31", "2022-09-23", "2022-09-27", "2022-09-29", "2022-09-30",
                "2022-10-08", "2022-10-11", "2022-10-12", "2022-10-14"})
        void completedAssignmentGetsNothing(String day) {
            assertThat(RULES.remindersOn(parse(day), DATE, END_OF_SEPTEMBER, null, true)).isEmpty();
        }
    }

    @Test
    void everyReminderOf2022ForATaskDueEndOfSeptember() {
        assertThat(sweep2022(RULES, DATE, END_OF_SEPTEMBER, null, false)).containsExactly(
                "2022-08-31 DUE_SOON 30 days before",
                "2022-09-23 DUE_SOON 7 days before",
                "2022-09-27 DUE_SOON 3 working days before",
                "2022-09-29 DUE_SOON 1 working day before",
                "2022-09-30 DUE_TODAY deadline day",
                "2022-10-08 OVERDUE overdue working day 1",
                "2022-10-11 OVERDUE overdue working day 4",
                "2022-10-12 ESCALATION overdue working day 5",
                "2022-10-14 OVERDUE overdue working day 7",
                "2022-10-19 OVERDUE overdue working day 10",
                "2022-10-24 OVERDUE overdue working day 13",
                "2022-10-27 OVERDUE overdue working day 16",
                "2022-11-01 OVERDUE overdue working day 19",
                "2022-11-04 OVERDUE overdue working day 22",
                "2022-11-09 OVERDUE overdue working day 25",
                "2022-11-14 OVERDUE overdue working day 28",
                "2022-11-17 OVERDUE overdue working day 31",
                "2022-11-22 OVERDUE overdue working day 34",
                "2022-11-25 OVERDUE overdue working day 37",
                "2022-11-30 OVERDUE overdue working day 40",
                "2022-12-05 OVERDUE overdue working day 43",
                "2022-12-08 OVERDUE overdue working day 46",
                "2022-12-13 OVERDUE overdue working day 49",
                "2022-12-16 OVERDUE overdue working day 52",
                "2022-12-21 OVERDUE overdue working day 55",
                "2022-12-26 OVERDUE overdue working day 58",
                "2022-12-29 OVERDUE overdue working day 61");
    }

    @Test
    void completedAssignmentGetsNothingAllYear() {
        assertThat(sweep2022(RULES, DATE, END_OF_SEPTEMBER, null, true)).isEmpty();
    }

    @Nested
    class YearRound {

        private final LocalDate effective = parse("2022-12-30");

        @Test
        void quarterEndsOf2022AreWorkingDays() {
            for (String quarterEnd : List.of("2022-03-31", "2022-06-30", "2022-09-30", "2022-12-30")) {
                assertThat(CALENDAR.isWorkingDay(parse(quarterEnd))).as(quarterEnd).isTrue();
            }
        }

        @Test
        void progressReportsEachQuarterAndDeadlineRemindersTowardsTheYearEnd() {
            assertThat(sweep2022(RULES, YEAR_ROUND, END_OF_2022, null, false)).containsExactly(
                    "2022-03-31 PROGRESS_REPORT Q1 2022 progress report",
                    "2022-06-30 PROGRESS_REPORT Q2 2022 progress report",
                    "2022-09-30 PROGRESS_REPORT Q3 2022 progress report",
                    "2022-11-30 DUE_SOON 30 days before",
                    "2022-12-23 DUE_SOON 7 days before",
                    "2022-12-27 DUE_SOON 3 working days before",
                    "2022-12-29 DUE_SOON 1 working day before",
                    "2022-12-30 DUE_TODAY deadline day",
                    "2022-12-30 PROGRESS_REPORT Q4 2022 progress report");
        }

        @Test
        void progressReportCarriesTheEffectiveDeadline() {
            assertThat(RULES.remindersOn(parse("2022-06-30"), YEAR_ROUND, END_OF_2022, null, false))
                    .containsExactly(progressReport("Q2 2022 progress report", effective));
        }

        @Test
        void noProgressReportsAfterTheDeadlineOrOutsideItsYear() {
            LocalDate dueMidYear = parse("2022-06-30");
            assertThat(RULES.remindersOn(END_OF_SEPTEMBER, YEAR_ROUND, dueMidYear, null, false)).isEmpty();
            assertThat(RULES.remindersOn(parse("2022-12-30"), YEAR_ROUND, parse("2023-12-31"), null, false))
                    .isEmpty();
        }

        @Test
        void overdueLikeADatedTask() {
            assertThat(RULES.remindersOn(parse("2023-01-03"), YEAR_ROUND, END_OF_2022, null, false))
                    .containsExactly(overdue(1, effective));
        }

        @Test
        void policyCanSwitchProgressReportsOff() {
            ReminderRules rules = new ReminderRules(
                    CALENDAR, new ReminderPolicy(List.of(30, 7), List.of(3, 1), true, 3, 5, false, true));
            assertThat(rules.remindersOn(parse("2022-06-30"), YEAR_ROUND, END_OF_2022, null, false)).isEmpty();
        }

        @Test
        void withoutDueDateNothing() {
            assertThat(sweep2022(RULES, YEAR_ROUND, null, null, false)).isEmpty();
        }
    }

    @Nested
    class Recurring {

        @Test
        void monthlyOnTheLastWorkingDayOfEachMonth() {
            assertThat(sweep2022(RULES, RECURRING, null, Recurrence.MONTHLY, false)).containsExactly(
                    // 01-31 is a Spring Festival holiday, Sunday 01-30 a make-up working day
                    "2022-01-30 PROGRESS_REPORT 2022-01 progress report",
                    "2022-02-28 PROGRESS_REPORT 2022-02 progress report",
                    "2022-03-31 PROGRESS_REPORT 2022-03 progress report",
                    // 04-30 is a Saturday (and a Labour Day holiday); Sunday 04-24 is a make-up day but earlier
                    "2022-04-29 PROGRESS_REPORT 2022-04 progress report",
                    "2022-05-31 PROGRESS_REPORT 2022-05 progress report",
                    "2022-06-30 PROGRESS_REPORT 2022-06 progress report",
                    "2022-07-29 PROGRESS_REPORT 2022-07 progress report",
                    "2022-08-31 PROGRESS_REPORT 2022-08 progress report",
                    "2022-09-30 PROGRESS_REPORT 2022-09 progress report",
                    "2022-10-31 PROGRESS_REPORT 2022-10 progress report",
                    "2022-11-30 PROGRESS_REPORT 2022-11 progress report",
                    "2022-12-30 PROGRESS_REPORT 2022-12 progress report");
        }

        @Test
        void monthlyReminderHasNoDeadline() {
            assertThat(RULES.remindersOn(parse("2022-04-29"), RECURRING, null, Recurrence.MONTHLY, false))
                    .containsExactly(progressReport("2022-04 progress report", null));
        }

        @Test
        void quarterlyOnTheLastWorkingDayOfEachQuarter() {
            assertThat(sweep2022(RULES, RECURRING, null, Recurrence.QUARTERLY, false)).containsExactly(
                    "2022-03-31 PROGRESS_REPORT Q1 2022 progress report",
                    "2022-06-30 PROGRESS_REPORT Q2 2022 progress report",
                    "2022-09-30 PROGRESS_REPORT Q3 2022 progress report",
                    "2022-12-30 PROGRESS_REPORT Q4 2022 progress report");
        }

        @Test
        void annualOnTheLastWorkingDayOfTheYear() {
            assertThat(sweep2022(RULES, RECURRING, null, Recurrence.ANNUAL, false))
                    .containsExactly("2022-12-30 PROGRESS_REPORT 2022 progress report");
        }

        @Test
        void ignoresAnyDueDateAndIsNeverOverdue() {
            assertThat(sweep2022(RULES, RECURRING, END_OF_SEPTEMBER, Recurrence.ANNUAL, false))
                    .containsExactly("2022-12-30 PROGRESS_REPORT 2022 progress report");
        }

        @Test
        void nothingWithoutRecurrenceOrWhenSwitchedOffOrCompleted() {
            ReminderRules switchedOff = new ReminderRules(
                    CALENDAR, new ReminderPolicy(List.of(30, 7), List.of(3, 1), true, 3, 5, true, false));
            assertThat(sweep2022(RULES, RECURRING, null, null, false)).isEmpty();
            assertThat(sweep2022(switchedOff, RECURRING, null, Recurrence.MONTHLY, false)).isEmpty();
            assertThat(sweep2022(RULES, RECURRING, null, Recurrence.MONTHLY, true)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DeadlineKind.class, names = {"ONGOING", "NONE"})
    void ongoingAndNoneNeverGetReminders(DeadlineKind kind) {
        assertThat(sweep2022(RULES, kind, END_OF_SEPTEMBER, Recurrence.MONTHLY, false)).isEmpty();
        assertThat(sweep2022(RULES, kind, null, null, false)).isEmpty();
    }

    @Test
    void datedTaskWithoutDueDateGetsNothing() {
        assertThat(sweep2022(RULES, DATE, null, null, false)).isEmpty();
    }

    @Nested
    class CustomPolicy {

        @Test
        void fiveWorkingDaysBeforeReplacesThreeAndOne() {
            ReminderRules rules = new ReminderRules(
                    CALENDAR, new ReminderPolicy(List.of(30), List.of(5), true, 3, 5, true, true));
            assertThat(sweep2022(rules, DATE, END_OF_SEPTEMBER, null, false)
                    .stream().filter(line -> line.compareTo("2022-10") < 0).collect(Collectors.toList()))
                    .containsExactly(
                            "2022-08-31 DUE_SOON 30 days before",
                            // 09-29, 28, 27, 26, 23: the fifth working day back
                            "2022-09-23 DUE_SOON 5 working days before",
                            "2022-09-30 DUE_TODAY deadline day");
        }

        @Test
        void workingDaysRuleWinsOverCalendarDaysRuleOnTheSameDay() {
            // 5 working days before and 7 days before both land on 2022-09-23
            ReminderRules rules = new ReminderRules(
                    CALENDAR, new ReminderPolicy(List.of(7), List.of(5), true, 3, 5, true, true));
            assertThat(rules.remindersOn(parse("2022-09-23"), DATE, END_OF_SEPTEMBER, null, false))
                    .containsExactly(dueSoon(ReminderRule.WORKING_DAYS_BEFORE, "5 working days before", END_OF_SEPTEMBER));
        }

        @Test
        void smallerOffsetWinsWhenTwoLandOnTheSameDay() {
            // 6 days before 09-30 is Saturday 09-24, moved back to Friday 09-23, the same day as 7 days before
            ReminderRules rules = new ReminderRules(
                    CALENDAR, new ReminderPolicy(List.of(7, 6), List.of(), true, 3, 5, true, true));
            assertThat(rules.remindersOn(parse("2022-09-23"), DATE, END_OF_SEPTEMBER, null, false))
                    .containsExactly(dueSoon(ReminderRule.DAYS_BEFORE, "6 days before", END_OF_SEPTEMBER));
        }

        @Test
        void deadlineDayWinsOverZeroOffsets() {
            ReminderRules rules = new ReminderRules(
                    CALENDAR, new ReminderPolicy(List.of(0), List.of(0), true, 3, 5, true, true));
            assertThat(rules.remindersOn(END_OF_SEPTEMBER, DATE, END_OF_SEPTEMBER, null, false))
                    .containsExactly(dueToday(END_OF_SEPTEMBER));
        }

        @Test
        void deadlineDayReminderCanBeSwitchedOff() {
            ReminderRules rules = new ReminderRules(
                    CALENDAR, new ReminderPolicy(List.of(30, 7), List.of(3, 1), false, 3, 5, true, true));
            assertThat(rules.remindersOn(END_OF_SEPTEMBER, DATE, END_OF_SEPTEMBER, null, false)).isEmpty();
        }

        @Test
        void overdueEveryWorkingDay() {
            ReminderRules rules = new ReminderRules(
                    CALENDAR, new ReminderPolicy(List.of(), List.of(), true, 1, 2, true, true));
            assertThat(rules.remindersOn(parse("2022-10-09"), DATE, END_OF_SEPTEMBER, null, false))
                    .containsExactly(overdue(2, END_OF_SEPTEMBER), escalation(2, END_OF_SEPTEMBER));
            assertThat(rules.remindersOn(parse("2022-10-10"), DATE, END_OF_SEPTEMBER, null, false))
                    .containsExactly(overdue(3, END_OF_SEPTEMBER));
        }
    }
}
