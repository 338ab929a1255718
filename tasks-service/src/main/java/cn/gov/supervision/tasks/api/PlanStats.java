package cn.gov.supervision.tasks.api;

import java.util.Map;
import java.util.UUID;

public record PlanStats(UUID planId, long total, Map<String, Long> byStatus, Map<String, Long> byLight,
                        Map<String, Long> byCategory) {
}
