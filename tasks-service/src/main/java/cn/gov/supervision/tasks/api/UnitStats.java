package cn.gov.supervision.tasks.api;

import java.util.UUID;

/**
 * One unit's record over its assignments. completionRate = completed / total and onTimeRate = completedOnTime / total,
 * so that a unit cannot look better by leaving work unfinished; both are fractions from 0 to 1 (0 when total is 0).
 * inProgress counts open assignments that have started (IN_PROGRESS, COMPLETION_REQUESTED, EXTENSION_REQUESTED).
 */
public record UnitStats(UUID unitId, String unitName, long total, long completed, long completedOnTime, long overdue,
                        long inProgress, double completionRate, double onTimeRate) {
}
