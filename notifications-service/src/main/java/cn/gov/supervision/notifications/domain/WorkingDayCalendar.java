package cn.gov.supervision.notifications.domain;

import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * China's official working-day calendar: Monday to Friday are working days unless the State Council's holiday
 * arrangement says otherwise (a {@link DayKind#HOLIDAY} is a day off, a {@link DayKind#WORKDAY} is a make-up
 * working day on a weekend).
 *
 * <p>Dates outside the years covered by the special days fall back to the plain weekday rule. Immutable and
 * thread-safe.
 */
public final class WorkingDayCalendar {

    /** 1970-01-05, the first Monday of the epoch; weekday counting is done relative to it. */
    private static final long FIRST_EPOCH_MONDAY = 4;

    private final NavigableMap<LocalDate, SpecialDay> specialDaysByDate;

    /**
     * Upper bound on how many consecutive rest days the calendar can contain. Any 7 consecutive days hold 5
     * weekdays, so a rest-day run of length L needs at least 5 * floor(L / 7) holidays; with H holidays,
     * L < 7 * (H / 5 + 1). Searches for the nearest working day never need to look further than this.
     */
    private final long longestRestRun;

    private WorkingDayCalendar(NavigableMap<LocalDate, SpecialDay> specialDaysByDate) {
        this.specialDaysByDate = specialDaysByDate;
        long holidays = specialDaysByDate.values().stream().filter(day -> day.kind() == DayKind.HOLIDAY).count();
        this.longestRestRun = 7 * (holidays / 5 + 1);
    }

    /**
     * @throws IllegalArgumentException if two special days share a date
     */
    public static WorkingDayCalendar of(Collection<SpecialDay> specialDays) {
        Objects.requireNonNull(specialDays, "specialDays");
        NavigableMap<LocalDate, SpecialDay> byDate = new TreeMap<>();
        for (SpecialDay specialDay : specialDays) {
            Objects.requireNonNull(specialDay, "specialDays must not contain null");
            SpecialDay previous = byDate.putIfAbsent(specialDay.date(), specialDay);
            if (previous != null) {
                throw new IllegalArgumentException("date " + specialDay.date() + " is listed twice: "
                        + previous + " and " + specialDay);
            }
        }
        return new WorkingDayCalendar(byDate);
    }

    /**
     * Reads the {@code date,kind,name} CSV format of the official calendar file (header line first); see
     * {@link CalendarCsv}.
     *
     * @throws IllegalArgumentException naming the line if a line is malformed
     */
    public static WorkingDayCalendar parseCsv(Reader csv) {
        return of(CalendarCsv.parse(csv));
    }

    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        SpecialDay specialDay = specialDaysByDate.get(date);
        if (specialDay != null) {
            return specialDay.kind() == DayKind.WORKDAY;
        }
        return isWeekday(date);
    }

    /**
     * Counts the working days in {@code [from, to]}, both ends included; 0 if {@code to} is before {@code from}.
     * Runs in time proportional to the number of special days in the range, not to the length of the range.
     */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return 0;
        }
        long count = weekdaysBefore(to.plusDays(1)) - weekdaysBefore(from);
        for (SpecialDay specialDay : specialDaysByDate.subMap(from, true, to, true).values()) {
            boolean weekday = isWeekday(specialDay.date());
            if (weekday && specialDay.kind() == DayKind.HOLIDAY) {
                count--;
            } else if (!weekday && specialDay.kind() == DayKind.WORKDAY) {
                count++;
            }
        }
        return count;
    }

    public LocalDate lastWorkingDayOnOrBefore(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate candidate = date;
        for (long step = 0; step <= longestRestRun; step++) {
            if (isWorkingDay(candidate)) {
                return candidate;
            }
            candidate = candidate.minusDays(1);
        }
        throw noWorkingDayNear(date);
    }

    public LocalDate nextWorkingDayAfter(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate candidate = date.plusDays(1);
        for (long step = 0; step <= longestRestRun; step++) {
            if (isWorkingDay(candidate)) {
                return candidate;
            }
            candidate = candidate.plusDays(1);
        }
        throw noWorkingDayNear(date);
    }

    /**
     * The n-th working day before {@code date}, not counting {@code date} itself: with n = 1, the last working day
     * before it. n = 0 returns {@code date} unchanged, so that "0 working days before the deadline" is the deadline.
     *
     * @throws IllegalArgumentException if n is negative
     */
    public LocalDate workingDaysBefore(LocalDate date, int n) {
        Objects.requireNonNull(date, "date");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return date;
        }
        // Find the smallest look-back span (in calendar days) that holds n working days; the day it starts on is
        // the answer. The span is at least n days; widen it by doubling, then bisect, so that even a huge n costs
        // only a logarithmic number of counts.
        long tooShort = n - 1;
        long longEnough = n;
        while (workingDaysInSpanBefore(date, longEnough) < n) {
            tooShort = longEnough;
            longEnough *= 2;
        }
        while (longEnough - tooShort > 1) {
            long middle = tooShort + (longEnough - tooShort) / 2;
            if (workingDaysInSpanBefore(date, middle) >= n) {
                longEnough = middle;
            } else {
                tooShort = middle;
            }
        }
        return date.minusDays(longEnough);
    }

    /** The last working day of the month; in the (never published) case of a month without one, of an earlier month. */
    public LocalDate lastWorkingDayOfMonth(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return lastWorkingDayOnOrBefore(month.atEndOfMonth());
    }

    /**
     * @param quarter 1 to 4
     * @throws IllegalArgumentException if quarter is not 1 to 4
     */
    public LocalDate lastWorkingDayOfQuarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4: " + quarter);
        }
        return lastWorkingDayOfMonth(YearMonth.of(year, quarter * 3));
    }

    /**
     * Which overdue working day {@code day} is: 0 if it is on or before the effective deadline, otherwise the number
     * of working days in {@code (effectiveDeadline, day]}, so the first working day after the deadline is 1.
     */
    public int overdueWorkingDay(LocalDate effectiveDeadline, LocalDate day) {
        Objects.requireNonNull(effectiveDeadline, "effectiveDeadline");
        Objects.requireNonNull(day, "day");
        if (!day.isAfter(effectiveDeadline)) {
            return 0;
        }
        return Math.toIntExact(workingDaysBetween(effectiveDeadline.plusDays(1), day));
    }

    /** The special days of one year, in date order. */
    public List<SpecialDay> specialDays(int year) {
        return List.copyOf(specialDaysByDate.subMap(
                LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
    }

    private long workingDaysInSpanBefore(LocalDate date, long days) {
        return workingDaysBetween(date.minusDays(days), date.minusDays(1));
    }

    private static boolean isWeekday(LocalDate date) {
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
    }

    /** Number of weekdays from the first epoch Monday up to, not including, {@code date}; negative before it. */
    private static long weekdaysBefore(LocalDate date) {
        long daysSinceMonday = date.toEpochDay() - FIRST_EPOCH_MONDAY;
        return Math.floorDiv(daysSinceMonday, 7) * 5 + Math.min(Math.floorMod(daysSinceMonday, 7), 5);
    }

    private IllegalStateException noWorkingDayNear(LocalDate date) {
        return new IllegalStateException("no working day within " + longestRestRun + " days of " + date);
    }
}
