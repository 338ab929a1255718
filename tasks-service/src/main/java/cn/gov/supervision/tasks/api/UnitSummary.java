package cn.gov.supervision.tasks.api;

import java.util.UUID;

public record UnitSummary(UUID id, String name, String kind) {
}
