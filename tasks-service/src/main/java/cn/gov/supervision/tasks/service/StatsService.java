package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.tasks.api.PlanStats;
import cn.gov.supervision.tasks.api.UnitStats;
import cn.gov.supervision.tasks.api.UnitStatsReport;
import cn.gov.supervision.tasks.api.UnitSummary;
import cn.gov.supervision.tasks.config.TasksConfig;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.Light;
import cn.gov.supervision.tasks.domain.TaskCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Supervision statistics, computed by the database over assignments (per unit) and tasks (per plan). */
@ApplicationScoped
public class StatsService {

    /**
     * Counted over one row per assignment (status, due date, completion date) as the {@code state} CTE gives it. An
     * assignment is on time when it was completed no later than its own due date, which includes an approved
     * extension; an undated assignment that is completed is on time. Lights follow {@link Light#of}: an open dated
     * assignment is red past its due date, yellow within {@link Light#YELLOW_DAYS} days of it, green before that.
     */
    private static final String UNIT_STATS = """
            WITH state AS (%s)
            SELECT unit_id,
                   count(*),
                   count(*) FILTER (WHERE status = 'COMPLETED'),
                   count(*) FILTER (WHERE status = 'COMPLETED' AND (due IS NULL OR completed_on <= due)),
                   count(*) FILTER (WHERE status <> 'COMPLETED' AND due < :day),
                   count(*) FILTER (WHERE status IN ('IN_PROGRESS', 'COMPLETION_REQUESTED', 'EXTENSION_REQUESTED')),
                   count(*) FILTER (WHERE status IN ('COMPLETION_REQUESTED', 'EXTENSION_REQUESTED')),
                   count(*) FILTER (WHERE status <> 'COMPLETED' AND due >= :day AND due <= :yellowEnd),
                   count(*) FILTER (WHERE status <> 'COMPLETED' AND due > :yellowEnd)
            FROM state
            GROUP BY unit_id
            """;

    /** Today: the assignments as they stand. */
    private static final String CURRENT_STATE = """
            SELECT a.unit_id, a.status, coalesce(a.extended_due_date, t.due_date) AS due,
                   CAST(a.completed_at AT TIME ZONE :zone AS date) AS completed_on
            FROM assignment a JOIN task t ON t.id = a.task_id
            %s
            """;

    /**
     * At the end of a past (or future) day: each assignment's status replayed from its history lines up to that day,
     * the only record of when units and the office acted. The last workflow line decides; an extension's approval or
     * rejection returns the assignment to where it was before the request, which is in progress once any progress was
     * reported. The assignments themselves are counted whenever they were recorded: a plan imported after its
     * publication still assigned its tasks then.
     */
    private static final String STATE_AS_OF = """
            SELECT a.unit_id,
                   CASE h.last_action
                       WHEN 'COMPLETION_APPROVED' THEN 'COMPLETED'
                       WHEN 'COMPLETION_REQUESTED' THEN 'COMPLETION_REQUESTED'
                       WHEN 'EXTENSION_REQUESTED' THEN 'EXTENSION_REQUESTED'
                       WHEN 'PROGRESS_REPORTED' THEN 'IN_PROGRESS'
                       WHEN 'COMPLETION_RETURNED' THEN 'IN_PROGRESS'
                       ELSE CASE WHEN h.started THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END
                   END AS status,
                   coalesce(CAST(h.extended_to AS date), t.due_date) AS due,
                   h.approved_on AS completed_on
            FROM assignment a JOIN task t ON t.id = a.task_id
            LEFT JOIN LATERAL (
                SELECT (array_agg(l.action ORDER BY l.changed_at DESC, l.id))[1] AS last_action,
                       coalesce(bool_or(l.action = 'PROGRESS_REPORTED'), false) AS started,
                       max(CAST(l.changed_at AT TIME ZONE :zone AS date))
                           FILTER (WHERE l.action = 'COMPLETION_APPROVED') AS approved_on,
                       (array_agg(l.new_value ORDER BY l.changed_at DESC, l.id)
                           FILTER (WHERE l.action = 'EXTENSION_APPROVED'))[1] AS extended_to
                FROM task_history l
                WHERE l.task_id = a.task_id AND l.unit_id = a.unit_id
                  AND l.action IN ('PROGRESS_REPORTED', 'COMPLETION_REQUESTED', 'COMPLETION_APPROVED',
                                   'COMPLETION_RETURNED', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED',
                                   'EXTENSION_REJECTED')
                  AND CAST(l.changed_at AT TIME ZONE :zone AS date) <= :day
            ) h ON true
            %s
            """;

    private final EntityManager entityManager;
    private final UnitDirectory units;
    private final Today today;
    private final TasksConfig config;
    private final PlanService plans;
    private final Caller caller;

    public StatsService(EntityManager entityManager, UnitDirectory units, Today today, TasksConfig config,
                        PlanService plans, Caller caller) {
        this.entityManager = entityManager;
        this.units = units;
        this.today = today;
        this.config = config;
        this.plans = plans;
        this.caller = caller;
    }

    /** Every unit's row, or only its own for a caller confined to a unit; today's figures when asOf is null. */
    @Transactional
    public UnitStatsReport byUnit(UUID planId, LocalDate asOf) {
        if (planId != null) {
            plans.require(planId);
        }
        LocalDate day = asOf != null ? asOf : today.date();
        Optional<UUID> own = caller.confinedUnit();
        List<String> clauses = new ArrayList<>();
        if (planId != null) {
            clauses.add("t.plan_id = :planId");
        }
        if (own.isPresent()) {
            clauses.add("a.unit_id = :unitId");
        }
        String where = clauses.isEmpty() ? "" : "WHERE " + String.join(" AND ", clauses);
        Query query = entityManager.createNativeQuery(UNIT_STATS.formatted(
                        (asOf != null ? STATE_AS_OF : CURRENT_STATE).formatted(where)))
                .setParameter("zone", config.timeZone().getId())
                .setParameter("day", day)
                .setParameter("yellowEnd", day.plusDays(Light.YELLOW_DAYS));
        if (planId != null) {
            query.setParameter("planId", planId);
        }
        own.ifPresent(unitId -> query.setParameter("unitId", unitId));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, UnitSummary> names = units.summaries(rows.stream().map(r -> (UUID) r[0]).toList());
        List<UnitStats> items = rows.stream().map(r -> {
            UUID unitId = (UUID) r[0];
            long total = number(r[1]);
            long completed = number(r[2]);
            long onTime = number(r[3]);
            long overdue = number(r[4]);
            return new UnitStats(unitId, names.get(unitId).name(), total, completed, onTime, overdue, number(r[5]),
                    number(r[6]), overdue, number(r[7]), number(r[8]), rate(completed, total), rate(onTime, total));
        }).sorted(Comparator.comparing(UnitStats::unitName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UnitStats::unitId)).toList();
        return new UnitStatsReport(day, items);
    }

    @Transactional
    public PlanStats byPlan(UUID planId) {
        plans.require(planId);
        Map<String, Long> byStatus = zeroes(AssignmentStatus.values());
        Map<String, Long> byCategory = zeroes(TaskCategory.values());
        Map<String, Long> byLight = zeroes(Light.values());
        long total = 0;
        LocalDate date = today.date();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT status, category,
                               CASE WHEN status = 'COMPLETED' OR next_due_date IS NULL THEN 'NONE'
                                    WHEN next_due_date < :today THEN 'RED'
                                    WHEN next_due_date <= :yellowEnd THEN 'YELLOW'
                                    ELSE 'GREEN' END,
                               count(*)
                        FROM task WHERE plan_id = :planId GROUP BY 1, 2, 3
                        """)
                .setParameter("today", date)
                .setParameter("yellowEnd", date.plusDays(Light.YELLOW_DAYS))
                .setParameter("planId", planId)
                .getResultList();
        for (Object[] row : rows) {
            long count = number(row[3]);
            total += count;
            byStatus.merge((String) row[0], count, Long::sum);
            byCategory.merge((String) row[1], count, Long::sum);
            byLight.merge((String) row[2], count, Long::sum);
        }
        return new PlanStats(planId, total, byStatus, byLight, byCategory);
    }

    private static Map<String, Long> zeroes(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static double rate(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 10000.0 / total) / 10000.0;
    }
}
