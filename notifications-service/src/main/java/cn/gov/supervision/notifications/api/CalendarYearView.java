package cn.gov.supervision.notifications.api;

import java.util.List;

/**
 * A year's arrangement: its holidays and make-up working days. {@code arranged} is false for a year whose arrangement
 * has not been entered yet, in which case every weekday counts as a working day.
 */
public record CalendarYearView(int year, boolean arranged, long workdays, List<CalendarDayData> holidays,
                               List<CalendarDayData> makeUpWorkdays) {
}
