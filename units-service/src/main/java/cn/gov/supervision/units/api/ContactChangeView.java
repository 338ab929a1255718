package cn.gov.supervision.units.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One handover: who the contacts were and who they became. */
public record ContactChangeView(UUID id, OffsetDateTime changedAt, String changedBy, String requestId,
                                List<ContactData> previous, List<ContactData> current) {
}
