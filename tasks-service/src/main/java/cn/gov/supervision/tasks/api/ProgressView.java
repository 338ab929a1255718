package cn.gov.supervision.tasks.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record ProgressView(UUID id, UUID taskId, UUID unitId, OffsetDateTime reportedAt, String text, Integer percent,
                           List<String> links, String reportedBy) {
}
