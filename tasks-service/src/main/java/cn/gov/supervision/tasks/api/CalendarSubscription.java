package cn.gov.supervision.tasks.api;

import java.util.UUID;

/** Where a calendar app subscribes to a unit's deadlines: a link that works without a token (it is signed). */
public record CalendarSubscription(UUID unitId, String url) {
}
