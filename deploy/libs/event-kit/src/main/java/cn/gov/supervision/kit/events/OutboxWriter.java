package cn.gov.supervision.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import cn.gov.supervision.kit.web.RequestIds;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. Requiring a running transaction is the point: the event exists
 * exactly when the state change it reports was committed.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final OutboxRelay relay;

    public OutboxWriter(EntityManager entityManager, ObjectMapper objectMapper, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String topic, EventEnvelope envelope) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = envelope.eventId();
        event.topic = topic;
        event.messageKey = envelope.subjectId().toString();
        event.eventType = envelope.type();
        try {
            event.envelope = objectMapper.writeValueAsString(envelope.toJson(objectMapper));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event envelope is not serializable", e);
        }
        event.requestId = RequestIds.current();
        event.createdAt = OffsetDateTime.now();
        entityManager.persist(event);
        relay.wakeUpAfterCommit();
        return event;
    }

    /**
     * Records a record to send as it is, with its own key, value and headers: a parked record on its way to the
     * dead-letter topic. {@code id} identifies the row; the record keeps the headers given, not an eventId of ours.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent appendRecord(UUID id, String topic, String eventType, String key, String value,
                                    String storedHeaders) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = id;
        event.topic = topic;
        event.messageKey = key;
        event.eventType = eventType;
        event.envelope = value;
        event.headers = storedHeaders;
        event.createdAt = OffsetDateTime.now();
        entityManager.persist(event);
        relay.wakeUpAfterCommit();
        return event;
    }
}
