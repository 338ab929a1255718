package cn.gov.supervision.notifications.domain;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = OfficialCalendar.CALENDAR;

    @Nested
    class IsWorkingDay {

        @Test
        void nationalDayMakeUpWeekend2022IsWorkingAndTheHolidayIsNot() {
            assertThat(parse("2022-10-08").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(calendar.isWorkingDay(parse("2022-10-08"))).isTrue();
            assertThat(calendar.isWorkingDay(parse("2022-10-09"))).isTrue();
            assertThat(calendar.isWorkingDay(parse("2022-10-03"))).isFalse();
            assertThat(calendar.isWorkingDay(parse("2022-10-07"))).isFalse();
        }

        @Test
        void plainWeekendIsRestAndPlainWeekdayIsWorking() {
            assertThat(calendar.isWorkingDay(parse("2022-11-19"))).isFalse();
            assertThat(calendar.isWorkingDay(parse("2022-11-20"))).isFalse();
            assertThat(calendar.isWorkingDay(parse("2022-11-21"))).isTrue();
        }

        @ParameterizedTest(name = "{0} is a working day: {1}")
        @CsvSource({
                // Spring Festival 2023: Sat 01-28 and Sun 01-29 are make-up days
                "2023-01-27, false", "2023-01-28, true", "2023-01-29, true", "2023-01-23, false",
                // Spring Festival 2024: Sun 02-04 and Sun 02-18 are make-up days
                "2024-02-04, true", "2024-02-12, false", "2024-02-16, false", "2024-02-18, true",
                // National Day 2025 runs to Wed 10-08; Sun 09-28 and Sat 10-11 are make-up days
                "2025-09-28, true", "2025-10-08, false", "2025-10-09, true", "2025-10-11, true",
                // New Year 2026: Fri 01-02 off, Sun 01-04 a make-up day
                "2026-01-02, false", "2026-01-04, true",
                // a holiday that falls on a weekend stays a rest day
                "2022-12-31, false"
        })
        void followsOfficialArrangementsOfOtherYears(LocalDate date, boolean working) {
            assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
        }

        @Test
        void yearsWithoutPublishedArrangementFallBackToWeekdays() {
            assertThat(calendar.isWorkingDay(parse("2030-01-01"))).isTrue();
            assertThat(calendar.isWorkingDay(parse("2030-01-05"))).isFalse();
        }

        @Test
        void emptyCalendarIsPlainMondayToFriday() {
            WorkingDayCalendar plain = WorkingDayCalendar.of(List.of());
            assertThat(plain.isWorkingDay(parse("2022-10-03"))).isTrue();
            assertThat(plain.isWorkingDay(parse("2022-10-08"))).isFalse();
        }
    }

    @Nested
    class WorkingDaysBetween {

        @Test
        void countsBothEndsAcrossNationalDay() {
            assertThat(calendar.workingDaysBetween(parse("2022-10-01"), parse("2022-10-09"))).isEqualTo(2);
        }

        @Test
        void singleDayAndReversedRange() {
            assertThat(calendar.workingDaysBetween(parse("2022-10-08"), parse("2022-10-08"))).isEqualTo(1);
            assertThat(calendar.workingDaysBetween(parse("2022-10-03"), parse("2022-10-03"))).isZero();
            assertThat(calendar.workingDaysBetween(parse("2022-10-09"), parse("2022-10-01"))).isZero();
        }

        @Test
        void wholeYear2022() {
            // 260 weekdays - 18 weekday holidays + 7 make-up weekend days
            assertThat(calendar.workingDaysBetween(parse("2022-01-01"), parse("2022-12-31"))).isEqualTo(249);
        }

        @Test
        void matchesDayByDayCountOnRandomRanges() {
            Random random = new Random(20221008);
            LocalDate origin = parse("2021-06-01");
            for (int i = 0; i < 300; i++) {
                LocalDate from = origin.plusDays(random.nextInt(2200));
                LocalDate to = from.plusDays(random.nextInt(400) - 20);
                assertThat(calendar.workingDaysBetween(from, to))
                        .as("working days in [%s, %s]", from, to)
                        .isEqualTo(countDayByDay(from, to));
            }
        }

        @Test
        void spansCenturiesWithoutIteratingDays() {
            // 2001-01-01 is a Monday and 400 years are exactly 20871 weeks; the file has 92 weekday holidays
            // (147 holidays, 55 of them on weekends) and 33 make-up weekend days
            LocalDate start = parse("2001-01-01");
            assertThat(calendar.workingDaysBetween(start, start.plusWeeks(20871).minusDays(1)))
                    .isEqualTo(20871L * 5 - 92 + 33);
        }

        private long countDayByDay(LocalDate from, LocalDate to) {
            long count = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (calendar.isWorkingDay(day)) {
                    count++;
                }
            }
            return count;
        }
    }

    @Nested
    class NearestWorkingDays {

        @Test
        void lastWorkingDayOnOrBefore() {
            assertThat(calendar.lastWorkingDayOnOrBefore(parse("2022-12-31"))).isEqualTo("2022-12-30");
            assertThat(calendar.lastWorkingDayOnOrBefore(parse("2022-09-30"))).isEqualTo("2022-09-30");
            assertThat(calendar.lastWorkingDayOnOrBefore(parse("2022-10-07"))).isEqualTo("2022-09-30");
        }

        @Test
        void nextWorkingDayAfter() {
            assertThat(calendar.nextWorkingDayAfter(parse("2022-09-30"))).isEqualTo("2022-10-08");
            assertThat(calendar.nextWorkingDayAfter(parse("2022-12-30"))).isEqualTo("2023-01-03");
            assertThat(calendar.nextWorkingDayAfter(parse("2022-10-08"))).isEqualTo("2022-10-09");
        }

        @Test
        void workingDaysBeforeCountsBackFromTheDayBefore() {
            LocalDate deadline = parse("2022-09-30");
            assertThat(calendar.workingDaysBefore(deadline, 0)).isEqualTo(deadline);
            assertThat(calendar.workingDaysBefore(deadline, 1)).isEqualTo("2022-09-29");
            assertThat(calendar.workingDaysBefore(deadline, 3)).isEqualTo("2022-09-27");
            assertThat(calendar.workingDaysBefore(deadline, 5)).isEqualTo("2022-09-23");
            assertThat(calendar.workingDaysBefore(parse("2022-10-08"), 1)).isEqualTo("2022-09-30");
            assertThat(calendar.workingDaysBefore(parse("2022-10-05"), 1)).isEqualTo("2022-09-30");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 7, 30, 249, 1000, 100_000})
        void workingDaysBeforeAgreesWithWorkingDaysBetween(int n) {
            LocalDate date = parse("2026-12-31");
            LocalDate answer = calendar.workingDaysBefore(date, n);
            assertThat(calendar.isWorkingDay(answer)).isTrue();
            assertThat(calendar.workingDaysBetween(answer, date.minusDays(1))).isEqualTo(n);
        }

        @Test
        void workingDaysBeforeRejectsNegativeCount() {
            assertThatThrownBy(() -> calendar.workingDaysBefore(parse("2022-09-30"), -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("n must not be negative");
        }

        @Test
        void searchesTerminateEvenWhenAWholeYearIsOff() {
            List<SpecialDay> wholeYearOff = new ArrayList<>();
            for (LocalDate day = parse("2030-01-01"); day.getYear() == 2030; day = day.plusDays(1)) {
                wholeYearOff.add(new SpecialDay(day, DayKind.HOLIDAY, "test"));
            }
            WorkingDayCalendar odd = WorkingDayCalendar.of(wholeYearOff);

            assertThat(odd.lastWorkingDayOnOrBefore(parse("2030-06-01"))).isEqualTo("2029-12-31");
            assertThat(odd.nextWorkingDayAfter(parse("2030-06-01"))).isEqualTo("2031-01-01");
            assertThat(odd.workingDaysBefore(parse("2031-01-01"), 1)).isEqualTo("2029-12-31");
            assertThat(odd.lastWorkingDayOfMonth(YearMonth.of(2030, 6))).isEqualTo("2029-12-31");
        }
    }

    @Nested
    class PeriodEnds {

        @Test
        void lastWorkingDayOfMonthFollowsMakeUpDays() {
            // 04-30 is a Saturday holiday; 04-24 (Sunday) is a make-up day but comes earlier, so Friday 04-29 wins
            assertThat(calendar.lastWorkingDayOfMonth(YearMonth.of(2022, 4))).isEqualTo("2022-04-29");
            // 01-31 is a Spring Festival holiday; Sunday 01-30 is a make-up working day
            assertThat(calendar.lastWorkingDayOfMonth(YearMonth.of(2022, 1))).isEqualTo("2022-01-30");
            assertThat(calendar.lastWorkingDayOfMonth(YearMonth.of(2022, 12))).isEqualTo("2022-12-30");
        }

        @Test
        void lastWorkingDayOfQuarter() {
            assertThat(calendar.lastWorkingDayOfQuarter(2022, 1)).isEqualTo("2022-03-31");
            assertThat(calendar.lastWorkingDayOfQuarter(2022, 2)).isEqualTo("2022-06-30");
            assertThat(calendar.lastWorkingDayOfQuarter(2022, 3)).isEqualTo("2022-09-30");
            assertThat(calendar.lastWorkingDayOfQuarter(2022, 4)).isEqualTo("2022-12-30");
            // 2023-09-29 (Fri) and 09-30 are Mid-Autumn/National Day holidays
            assertThat(calendar.lastWorkingDayOfQuarter(2023, 3)).isEqualTo("2023-09-28");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 5, -1})
        void lastWorkingDayOfQuarterRejectsInvalidQuarter(int quarter) {
            assertThatThrownBy(() -> calendar.lastWorkingDayOfQuarter(2022, quarter))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("quarter");
        }
    }

    @Test
    void overdueWorkingDayCountsWorkingDaysAfterTheDeadline() {
        LocalDate deadline = parse("2022-09-30");
        assertThat(calendar.overdueWorkingDay(deadline, parse("2022-09-29"))).isZero();
        assertThat(calendar.overdueWorkingDay(deadline, deadline)).isZero();
        assertThat(calendar.overdueWorkingDay(deadline, parse("2022-10-05"))).isZero();
        assertThat(calendar.overdueWorkingDay(deadline, parse("2022-10-08"))).isEqualTo(1);
        assertThat(calendar.overdueWorkingDay(deadline, parse("2022-10-12"))).isEqualTo(5);
        assertThat(calendar.overdueWorkingDay(deadline, parse("2022-10-16"))).isEqualTo(7);
    }

    @Test
    void specialDaysOfAYearInDateOrder() {
        List<SpecialDay> days2022 = calendar.specialDays(2022);
        assertThat(days2022).hasSize(39);
        assertThat(days2022.get(0)).isEqualTo(new SpecialDay(parse("2022-01-01"), DayKind.HOLIDAY, "元旦"));
        assertThat(days2022.get(38)).isEqualTo(new SpecialDay(parse("2022-12-31"), DayKind.HOLIDAY, "元旦"));
        assertThat(days2022).extracting(SpecialDay::date).isSorted();
        assertThat(calendar.specialDays(2030)).isEmpty();
    }

    @Test
    void rejectsTheSameDateTwice() {
        List<SpecialDay> twice = List.of(
                new SpecialDay(parse("2022-10-08"), DayKind.WORKDAY, "国庆节"),
                new SpecialDay(parse("2022-10-08"), DayKind.HOLIDAY, "国庆节"));
        assertThatThrownBy(() -> WorkingDayCalendar.of(twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2022-10-08");
    }
}
