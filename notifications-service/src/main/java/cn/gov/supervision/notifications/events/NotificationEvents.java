package cn.gov.supervision.notifications.events;

import cn.gov.supervision.kit.events.EventEnvelope;
import cn.gov.supervision.kit.events.OutboxWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/** notifications.events, keyed by digest id: DigestSent, DeliveryFailed, Acknowledged. */
@ApplicationScoped
public class NotificationEvents {

    public static final String TOPIC = "notifications.events";
    public static final String DIGEST_SENT = "DigestSent";
    public static final String DELIVERY_FAILED = "DeliveryFailed";
    public static final String ACKNOWLEDGED = "Acknowledged";

    private final OutboxWriter outbox;
    private final ObjectMapper objectMapper;

    public NotificationEvents(OutboxWriter outbox, ObjectMapper objectMapper) {
        this.outbox = outbox;
        this.objectMapper = objectMapper;
    }

    public void publish(String type, UUID digestId, Map<String, ?> payload) {
        outbox.append(TOPIC, EventEnvelope.create(type, 1, "digestId", digestId, objectMapper.valueToTree(payload)));
    }
}
