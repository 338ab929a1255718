package cn.gov.supervision.kit.events;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.web.PageView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Parks the records a consumer cannot apply, lists them and replays them. A parked record is a row of
 * dead_letter_event (for the health check, the listing and the replay, shared by all replicas) and, through the outbox
 * in the same transaction, a record on this service's dead-letter topic with the original key, value and headers
 * plus {@code dead-letter.*} headers saying why and from where. Replay applies it here, through the same
 * {@link EventApplier} as the consumer loop: this service may write only its own topics, so it never sends a record
 * back to the producer's topic.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String METRIC_PARKED = "events.dead.lettered";
    public static final String HEADER_PREFIX = "dead-letter.";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final EntityManager entityManager;
    private final OutboxWriter outbox;
    private final EventApplier applier;
    private final Instance<EventSubscriber> subscribers;
    private final EventConsumerConfig config;
    private final MeterRegistry metrics;

    public DeadLetters(EntityManager entityManager, OutboxWriter outbox, EventApplier applier,
                       @Any Instance<EventSubscriber> subscribers, EventConsumerConfig config, MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.applier = applier;
        this.subscribers = subscribers;
        this.config = config;
        this.metrics = metrics;
    }

    /** Parks a record (once, however often it is parked again after a crash) and counts it. */
    public void park(EventSubscriber subscriber, SourceRecord record, Throwable failure, int attempts) {
        boolean parked = QuarkusTransaction.requiringNew().call(() -> store(subscriber, record, failure, attempts));
        if (parked) {
            metrics.counter(METRIC_PARKED, "consumer", subscriber.consumerName(), "topic", record.topic()).increment();
        }
    }

    private boolean store(EventSubscriber subscriber, SourceRecord record, Throwable failure, int attempts) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String reason = EventFailures.reason(failure);
        int inserted = entityManager.createNativeQuery("INSERT INTO dead_letter_event (id, consumer, source_topic, "
                        + "source_partition, source_offset, message_key, message_value, headers, reason, attempts, "
                        + "parked_at) VALUES (:id, :consumer, :topic, :partition, :offset, :key, :value, :headers, "
                        + ":reason, :attempts, :parkedAt) ON CONFLICT (consumer, source_topic, source_partition, "
                        + "source_offset) DO NOTHING")
                .setParameter("id", id)
                .setParameter("consumer", subscriber.consumerName())
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("key", record.key())
                .setParameter("value", record.value())
                .setParameter("headers", record.storedHeaders())
                .setParameter("reason", reason)
                .setParameter("attempts", attempts)
                .setParameter("parkedAt", now)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        List<Header> headers = new java.util.ArrayList<>(StoredHeaders.fromJson(record.storedHeaders()));
        Map<String, String> why = new java.util.LinkedHashMap<>();
        why.put("id", id.toString());
        why.put("reason", reason);
        why.put("consumer", subscriber.consumerName());
        why.put("source-topic", record.topic());
        why.put("source-partition", Integer.toString(record.partition()));
        why.put("source-offset", Long.toString(record.offset()));
        why.put("attempts", Integer.toString(attempts));
        why.put("parked-at", now.toString());
        why.forEach((name, value) ->
                headers.add(new RecordHeader(HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8))));
        outbox.appendRecord(id, config.deadLetterTopic(), "DeadLetter", record.key(), record.value(),
                StoredHeaders.toJson(headers));
        LOG.errorf("Consumer %s parked %s on %s after %d attempts: %s", subscriber.consumerName(), record,
                config.deadLetterTopic(), attempts, reason);
        return true;
    }

    @Transactional
    public PageView<DeadLetterView> list(DeadLetter.State state, int page, int size) {
        String where = state == null ? "" : " WHERE state = :state";
        var query = entityManager.createQuery("FROM DeadLetter" + where + " ORDER BY parkedAt DESC, id",
                DeadLetter.class);
        var count = entityManager.createQuery("SELECT count(*) FROM DeadLetter" + where, Long.class);
        if (state != null) {
            query.setParameter("state", state);
            count.setParameter("state", state);
        }
        List<DeadLetterView> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(DeadLetterView::of).toList();
        return new PageView<>(items, page, size, count.getSingleResult());
    }

    /**
     * Applies a parked record now, after its cause was fixed (a consumer that reads its schema version deployed, the
     * conflicting data corrected). A record that still fails stays parked, with the new reason.
     */
    public DeadLetterView replay(UUID id) {
        DeadLetter letter = QuarkusTransaction.requiringNew().call(() -> entityManager.find(DeadLetter.class, id));
        if (letter == null) {
            throw new ProblemException(404, "not-found", "Not Found", "No dead letter " + id, List.of());
        }
        if (letter.state != DeadLetter.State.PARKED) {
            throw new ProblemException(409, "not-parked", "Conflict",
                    "Dead letter " + id + " is " + letter.state + ", not parked; there is nothing to replay", List.of());
        }
        EventSubscriber subscriber = subscribers.stream()
                .filter(s -> s.consumerName().equals(letter.consumer)).findFirst()
                .orElseThrow(() -> new ProblemException(409, "no-consumer", "Conflict",
                        "This service no longer has consumer " + letter.consumer, List.of()));
        try {
            applier.applyOnce(subscriber, letter.source(), () -> entityManager.createNativeQuery(
                            "UPDATE dead_letter_event SET state = 'REPLAYED', resolved_at = now(), "
                                    + "last_replay_error = NULL WHERE id = :id AND state = 'PARKED'")
                    .setParameter("id", id).executeUpdate());
        } catch (RuntimeException failure) {
            String reason = EventFailures.reason(failure);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "UPDATE dead_letter_event SET last_replay_error = :reason WHERE id = :id")
                    .setParameter("reason", reason).setParameter("id", id).executeUpdate());
            throw new ProblemException(409, "replay-failed", "Conflict",
                    "Dead letter " + id + " still cannot be applied: " + reason, List.of());
        }
        LOG.infof("Dead letter %s (%s, consumer %s) replayed", id, letter.source(), letter.consumer);
        return QuarkusTransaction.requiringNew().call(() -> DeadLetterView.of(entityManager.find(DeadLetter.class, id)));
    }

    /** Parked records per consumer and the latest ones, for the health check. */
    @Transactional
    public Summary summary(int latest) {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entityManager.createNativeQuery("SELECT consumer, count(*) FROM dead_letter_event "
                + "WHERE state = 'PARKED' GROUP BY consumer ORDER BY consumer").getResultList();
        List<DeadLetter> recent = entityManager.createQuery("FROM DeadLetter WHERE state = :state "
                        + "ORDER BY parkedAt DESC, id", DeadLetter.class)
                .setParameter("state", DeadLetter.State.PARKED).setMaxResults(latest).getResultList();
        Map<String, Long> perConsumer = new java.util.LinkedHashMap<>();
        counts.forEach(row -> perConsumer.put((String) row[0], ((Number) row[1]).longValue()));
        return new Summary(perConsumer, recent.stream().map(DeadLetterView::of).toList());
    }

    public record Summary(Map<String, Long> parkedPerConsumer, List<DeadLetterView> latest) {
    }
}
