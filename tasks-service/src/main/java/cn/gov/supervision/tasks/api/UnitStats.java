package cn.gov.supervision.tasks.api;

import java.util.UUID;

/**
 * One unit's record over its assignments. completionRate = completed / total and onTimeRate = completedOnTime / total,
 * so that a unit cannot look better by leaving work unfinished; both are fractions from 0 to 1 (0 when total is 0).
 * inProgress counts open assignments that have started (IN_PROGRESS, COMPLETION_REQUESTED, EXTENSION_REQUESTED);
 * awaitingApproval those waiting for the supervising office (COMPLETION_REQUESTED, EXTENSION_REQUESTED). red, yellow
 * and green are the lights of the open dated assignments (red = overdue); completed and undated ones have none.
 */
public record UnitStats(UUID unitId, String unitName, long total, long completed, long completedOnTime, long overdue,
                        long inProgress, long awaitingApproval, long red, long yellow, long green,
                        double completionRate, double onTimeRate) {
}
