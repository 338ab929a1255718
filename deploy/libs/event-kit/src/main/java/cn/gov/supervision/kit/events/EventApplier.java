package cn.gov.supervision.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Applies one record to its subscriber, once: what the consumer loop does with each record it polls and what a
 * replay of a parked record does, so both take the same path.
 */
@ApplicationScoped
public class EventApplier {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public EventApplier(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /**
     * Reads the record and applies it in a new transaction together with its processed_event row, plus whatever
     * {@code alsoInTransaction} does. True when the event was new and has now been applied; false when it had been
     * applied before.
     */
    public boolean applyOnce(EventSubscriber subscriber, SourceRecord record, Runnable alsoInTransaction) {
        EventEnvelope event = parse(subscriber, record.value());
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = entityManager.createNativeQuery("INSERT INTO processed_event (consumer, event_id) "
                            + "VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING")
                    .setParameter("consumer", subscriber.consumerName())
                    .setParameter("eventId", event.eventId())
                    .executeUpdate();
            alsoInTransaction.run();
            if (inserted == 0) {
                return false;
            }
            subscriber.apply(event);
            entityManager.flush(); // a refused row fails here, with the database's reason, not as a bare rollback
            if (record.key() != null) {
                // events carry the subject's full state: this one makes any parked earlier one of its subject moot
                entityManager.createNativeQuery("UPDATE dead_letter_event SET state = 'SUPERSEDED', resolved_at = now() "
                                + "WHERE consumer = :consumer AND source_topic = :topic AND message_key = :key "
                                + "AND state = 'PARKED' AND source_partition = :partition AND source_offset < :offset")
                        .setParameter("consumer", subscriber.consumerName())
                        .setParameter("topic", record.topic())
                        .setParameter("key", record.key())
                        .setParameter("partition", record.partition())
                        .setParameter("offset", record.offset())
                        .executeUpdate();
            }
            return true;
        });
    }

    /** The envelope, or an {@link UnprocessableEventException} saying why this record is not one. */
    EventEnvelope parse(EventSubscriber subscriber, String value) {
        if (value == null) {
            throw new UnprocessableEventException("the record has no value (a tombstone), not an event");
        }
        EventEnvelope event;
        try {
            JsonNode node = objectMapper.readTree(value);
            event = EventEnvelope.fromJson(node, subscriber.subjectField());
        } catch (Exception e) {
            throw new UnprocessableEventException("not an event envelope with " + subscriber.subjectField(), e);
        }
        if (!subscriber.schemaVersions().contains(event.schemaVersion())) {
            throw new UnprocessableEventException("schemaVersion " + event.schemaVersion() + " of " + event.type()
                    + " is not one " + subscriber.consumerName() + " reads " + subscriber.schemaVersions());
        }
        return event;
    }
}
