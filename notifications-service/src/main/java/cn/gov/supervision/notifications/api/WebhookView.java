package cn.gov.supervision.notifications.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A registered webhook; its secret is never shown. */
public record WebhookView(UUID id, String url, UUID unitId, boolean active, OffsetDateTime createdAt) {
}
