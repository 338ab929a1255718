package cn.gov.supervision.notifications.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly report's day on the official calendar: Monday, or the first working day after a holiday Monday. */
class ReportWeekTest {

    @Test
    void anOrdinaryWeekReportsOnMonday() {
        ReportWeek week = ReportWeek.of(LocalDate.of(2022, 10, 13), DayOfWeek.MONDAY, OfficialCalendar.CALENDAR);
        assertThat(week.monday()).isEqualTo(LocalDate.of(2022, 10, 10));
        assertThat(week.reportDay()).isEqualTo(LocalDate.of(2022, 10, 10));
        assertThat(week.isReportDay(LocalDate.of(2022, 10, 10))).isTrue();
        assertThat(week.isReportDay(LocalDate.of(2022, 10, 11))).isFalse();
    }

    @Test
    void aHolidayMondayMovesTheReportToTheNextWorkingDay() {
        // 中秋节 2022: Saturday 10 to Monday 12 September off
        assertThat(ReportWeek.of(LocalDate.of(2022, 9, 12), DayOfWeek.MONDAY, OfficialCalendar.CALENDAR).reportDay())
                .isEqualTo(LocalDate.of(2022, 9, 13));
        // 元旦 2023: Monday 2 January off
        assertThat(ReportWeek.of(LocalDate.of(2023, 1, 4), DayOfWeek.MONDAY, OfficialCalendar.CALENDAR).reportDay())
                .isEqualTo(LocalDate.of(2023, 1, 3));
    }

    @Test
    void aWeekOffUntilItsSaturdayReportsOnTheWorkedSaturday() {
        // 国庆节 2022: 1 to 7 October off, Saturday 8 October worked (调休)
        assertThat(ReportWeek.of(LocalDate.of(2022, 10, 3), DayOfWeek.MONDAY, OfficialCalendar.CALENDAR).reportDay())
                .isEqualTo(LocalDate.of(2022, 10, 8));
    }

    @Test
    void anotherWeekdayCanBeConfigured() {
        assertThat(ReportWeek.of(LocalDate.of(2022, 10, 10), DayOfWeek.FRIDAY, OfficialCalendar.CALENDAR).reportDay())
                .isEqualTo(LocalDate.of(2022, 10, 14));
    }
}
