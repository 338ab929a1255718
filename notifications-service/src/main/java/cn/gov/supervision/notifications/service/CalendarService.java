package cn.gov.supervision.notifications.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.notifications.api.CalendarDayData;
import cn.gov.supervision.notifications.api.CalendarYearView;
import cn.gov.supervision.notifications.api.WorkdaysView;
import cn.gov.supervision.notifications.domain.CalendarDay;
import cn.gov.supervision.notifications.domain.DayKind;
import cn.gov.supervision.notifications.domain.WorkingDayCalendar;
import cn.gov.supervision.notifications.repository.CalendarDayRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The official working-day calendar as stored. It is read whole for every use: it is a few hundred rows, and reading
 * it fresh means every replica sees an arrangement the moment it is entered.
 */
@ApplicationScoped
public class CalendarService {

    /** Counting spans longer than this is not a question anyone asks of a supervision calendar. */
    private static final long MAX_SPAN_DAYS = 3660;

    private final CalendarDayRepository days;

    public CalendarService(CalendarDayRepository days) {
        this.days = days;
    }

    @Transactional
    public WorkingDayCalendar calendar() {
        return WorkingDayCalendar.of(days.listAll().stream().map(CalendarDay::toSpecialDay).toList());
    }

    @Transactional
    public CalendarYearView year(int year) {
        checkYear(year);
        List<CalendarDay> special = days.findYear(year);
        long workdays = calendar().workingDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return new CalendarYearView(year, !special.isEmpty(), workdays,
                special.stream().filter(d -> d.kind == DayKind.HOLIDAY).map(CalendarService::data).toList(),
                special.stream().filter(d -> d.kind == DayKind.WORKDAY).map(CalendarService::data).toList());
    }

    @Transactional
    public CalendarYearView replaceYear(int year, List<CalendarDayData> arrangement) {
        checkYear(year);
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < arrangement.size(); i++) {
            CalendarDayData day = arrangement.get(i);
            if (day.date().getYear() != year) {
                throw ProblemException.invalidField("days[" + i + "].date", "is not in " + year);
            }
            if (!seen.add(day.date())) {
                throw ProblemException.invalidField("days[" + i + "].date", day.date() + " is listed twice");
            }
        }
        days.deleteYear(year);
        days.flush();
        OffsetDateTime now = OffsetDateTime.now();
        for (CalendarDayData data : arrangement) {
            CalendarDay day = new CalendarDay();
            day.day = data.date();
            day.kind = data.kind();
            day.name = ChineseText.clean(data.name());
            day.updatedAt = now;
            days.persist(day);
        }
        days.flush();
        return year(year);
    }

    @Transactional
    public WorkdaysView workdays(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ProblemException.invalidField(from == null ? "from" : "to", "is required (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
            throw ProblemException.invalidField("to", "the span may be at most " + MAX_SPAN_DAYS + " days");
        }
        return new WorkdaysView(from, to, calendar().workingDaysBetween(from, to));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalidField("year", "must be between 2000 and 2100");
        }
    }

    private static CalendarDayData data(CalendarDay day) {
        return new CalendarDayData(day.day, day.kind, day.name);
    }
}
