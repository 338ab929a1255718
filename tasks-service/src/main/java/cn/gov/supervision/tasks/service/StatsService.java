package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.tasks.api.PlanStats;
import cn.gov.supervision.tasks.api.UnitStats;
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
     * An assignment is on time when it was completed (in the plans' time zone) no later than its own due date,
     * which includes an approved extension; an undated assignment that is completed is on time.
     */
    private static final String UNIT_STATS = """
            SELECT a.unit_id,
                   count(*),
                   count(*) FILTER (WHERE a.status = 'COMPLETED'),
                   count(*) FILTER (WHERE a.status = 'COMPLETED'
                       AND (coalesce(a.extended_due_date, t.due_date) IS NULL
                            OR CAST(a.completed_at AT TIME ZONE :zone AS date) <= coalesce(a.extended_due_date, t.due_date))),
                   count(*) FILTER (WHERE a.status <> 'COMPLETED' AND coalesce(a.extended_due_date, t.due_date) < :today),
                   count(*) FILTER (WHERE a.status IN ('IN_PROGRESS', 'COMPLETION_REQUESTED', 'EXTENSION_REQUESTED'))
            FROM assignment a JOIN task t ON t.id = a.task_id
            %s
            GROUP BY a.unit_id
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

    /** Every unit's row, or only its own for a caller confined to a unit. */
    @Transactional
    public List<UnitStats> byUnit(UUID planId) {
        if (planId != null) {
            plans.require(planId);
        }
        Optional<UUID> own = caller.confinedUnit();
        List<String> clauses = new ArrayList<>();
        if (planId != null) {
            clauses.add("t.plan_id = :planId");
        }
        if (own.isPresent()) {
            clauses.add("a.unit_id = :unitId");
        }
        Query query = entityManager.createNativeQuery(UNIT_STATS.formatted(
                        clauses.isEmpty() ? "" : "WHERE " + String.join(" AND ", clauses)))
                .setParameter("zone", config.timeZone().getId())
                .setParameter("today", today.date());
        if (planId != null) {
            query.setParameter("planId", planId);
        }
        own.ifPresent(unitId -> query.setParameter("unitId", unitId));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, UnitSummary> names = units.summaries(rows.stream().map(r -> (UUID) r[0]).toList());
        return rows.stream().map(r -> {
            UUID unitId = (UUID) r[0];
            long total = number(r[1]);
            long completed = number(r[2]);
            long onTime = number(r[3]);
            return new UnitStats(unitId, names.get(unitId).name(), total, completed, onTime, number(r[4]), number(r[5]),
                    rate(completed, total), rate(onTime, total));
        }).sorted(Comparator.comparing(UnitStats::unitName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UnitStats::unitId)).toList();
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
