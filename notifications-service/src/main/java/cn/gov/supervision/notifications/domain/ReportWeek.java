package cn.gov.supervision.notifications.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The week a weekly report belongs to (Monday to Sunday) and the day it goes out: the configured weekday, or when
 * that is a holiday the first working day after it in the same week (a 调休 Saturday counts, as it is worked).
 */
public record ReportWeek(LocalDate monday, LocalDate reportDay) {

    public static ReportWeek of(LocalDate date, DayOfWeek reportWeekday, WorkingDayCalendar calendar) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate day = monday.with(TemporalAdjusters.nextOrSame(reportWeekday));
        LocalDate sunday = monday.plusDays(6);
        while (!calendar.isWorkingDay(day) && day.isBefore(sunday)) {
            day = day.plusDays(1);
        }
        // a week without a working day from the weekday on (a whole week of holiday) still gets its report
        return new ReportWeek(monday, calendar.isWorkingDay(day) ? day : monday.with(TemporalAdjusters.nextOrSame(reportWeekday)));
    }

    public boolean isReportDay(LocalDate date) {
        return reportDay.equals(date);
    }
}
