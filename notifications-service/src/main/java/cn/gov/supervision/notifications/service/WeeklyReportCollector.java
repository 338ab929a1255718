package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.UnitInfo;
import cn.gov.supervision.notifications.domain.WeeklyReport;
import cn.gov.supervision.notifications.domain.WorkingDayCalendar;
import cn.gov.supervision.notifications.repository.UnitInfoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts the weekly report from this service's read model alone. Each assignment stands as its last snapshot up to
 * the end of the day says (none yet: not started, with the task's due date), and is counted by the rules of
 * tasks-service's {@code /stats/units?asOf=}, so that the report and the API agree: completed on time by its own due
 * date, overdue when open past it, awaiting approval while a 办结申请 or 延期申请 waits, and the lights of open dated
 * assignments (red past the date, yellow within {@link #YELLOW_DAYS} days, green before).
 */
@ApplicationScoped
public class WeeklyReportCollector {

    /** tasks-service's Light.YELLOW_DAYS: the report's lights must be the API's. */
    static final int YELLOW_DAYS = 7;

    private static final String STATE_AS_OF = """
            SELECT ai.unit_id, t.code, t.title,
                   coalesce(s.status, 'NOT_STARTED'),
                   CASE WHEN s.status IS NULL THEN t.due_date ELSE s.due_date END,
                   (SELECT min(CAST(c.occurred_at AT TIME ZONE :zone AS date)) FROM assignment_snapshot c
                    WHERE c.task_id = ai.task_id AND c.unit_id = ai.unit_id AND c.status = 'COMPLETED'
                      AND CAST(c.occurred_at AT TIME ZONE :zone AS date) <= :day)
            FROM assignment_info ai JOIN task_info t ON t.id = ai.task_id
            LEFT JOIN LATERAL (
                SELECT x.status, x.due_date FROM assignment_snapshot x
                WHERE x.task_id = ai.task_id AND x.unit_id = ai.unit_id
                  AND CAST(x.occurred_at AT TIME ZONE :zone AS date) <= :day
                ORDER BY x.occurred_at DESC, x.id LIMIT 1
            ) s ON true
            """;

    private final EntityManager entityManager;
    private final UnitInfoRepository units;
    private final CalendarService calendars;
    private final NotificationsConfig config;

    public WeeklyReportCollector(EntityManager entityManager, UnitInfoRepository units, CalendarService calendars,
                                 NotificationsConfig config) {
        this.entityManager = entityManager;
        this.units = units;
        this.calendars = calendars;
        this.config = config;
    }

    @Transactional
    public WeeklyReport collect(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(STATE_AS_OF)
                .setParameter("zone", config.timeZone().getId())
                .setParameter("day", day)
                .getResultList();
        WorkingDayCalendar calendar = calendars.calendar();
        Map<UUID, Tally> tallies = new LinkedHashMap<>();
        List<WeeklyReport.OverdueItem> overdue = new ArrayList<>();
        for (Object[] row : rows) {
            UUID unitId = (UUID) row[0];
            String status = (String) row[3];
            LocalDate due = date(row[4]);
            LocalDate completedOn = date(row[5]);
            Tally tally = tallies.computeIfAbsent(unitId, id -> new Tally());
            tally.total++;
            if ("COMPLETED".equals(status)) {
                tally.completed++;
                if (due == null || (completedOn != null && !completedOn.isAfter(due))) {
                    tally.onTime++;
                }
                continue;
            }
            if ("COMPLETION_REQUESTED".equals(status) || "EXTENSION_REQUESTED".equals(status)) {
                tally.awaiting++;
            }
            if (due == null) {
                continue;
            }
            if (due.isBefore(day)) {
                tally.red++;
                overdue.add(new WeeklyReport.OverdueItem((String) row[1], (String) row[2], unitName(unitId), due,
                        calendar.overdueWorkingDay(due, day)));
            } else if (!due.isAfter(day.plusDays(YELLOW_DAYS))) {
                tally.yellow++;
            } else {
                tally.green++;
            }
        }
        List<WeeklyReport.UnitFigures> figures = tallies.entrySet().stream()
                .map(e -> e.getValue().figures(e.getKey(), unitName(e.getKey())))
                .sorted(Comparator.comparing(WeeklyReport.UnitFigures::unitName).thenComparing(WeeklyReport.UnitFigures::unitId))
                .toList();
        List<WeeklyReport.OverdueItem> mostOverdue = overdue.stream()
                .sorted(Comparator.comparing(WeeklyReport.OverdueItem::dueDate).thenComparing(WeeklyReport.OverdueItem::code)
                        .thenComparing(WeeklyReport.OverdueItem::unitName))
                .limit(config.weeklyReport().overdueItems()).toList();
        return new WeeklyReport(day, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), figures, mostOverdue);
    }

    private String unitName(UUID unitId) {
        UnitInfo unit = units.findById(unitId);
        return unit == null ? unitId.toString() : unit.name;
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static final class Tally {
        long total;
        long completed;
        long onTime;
        long awaiting;
        long red;
        long yellow;
        long green;

        WeeklyReport.UnitFigures figures(UUID unitId, String unitName) {
            double rate = total == 0 ? 0 : Math.round(completed * 10000.0 / total) / 10000.0;
            return new WeeklyReport.UnitFigures(unitId, unitName, total, completed, onTime, red, awaiting, red, yellow,
                    green, rate);
        }
    }
}
