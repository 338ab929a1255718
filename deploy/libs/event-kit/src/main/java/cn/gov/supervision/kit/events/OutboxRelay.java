package cn.gov.supervision.kit.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in commit order, with an idempotent producer and acks=all, and marks them published
 * only after Kafka acknowledged them. While Kafka is down the rows simply wait and the relay backs off; nothing is
 * lost and a restart resumes from the first unpublished row.
 * <p>
 * Several replicas may run: a PostgreSQL advisory lock lets one relay work at a time, which keeps per-key order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Arbitrary but fixed: identifies "the outbox relay" among advisory locks of this service's database (whoever holds
     * it, e.g. another replica's relay, holds the turn to publish).
     */
    public static final long RELAY_LOCK_KEY = 0x6f7574626f78L;

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final KafkaConnectionConfig kafka;
    private final TransactionSynchronizationRegistry synchronizations;
    private final Semaphore wakeUp = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private int consecutiveFailures;

    public OutboxRelay(EntityManager entityManager, OutboxConfig config, KafkaConnectionConfig kafka,
                       TransactionSynchronizationRegistry synchronizations) {
        this.entityManager = entityManager;
        this.config = config;
        this.kafka = kafka;
        this.synchronizations = synchronizations;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled; events stay in outbox_event until a relay runs");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /** Called inside a transaction that wrote an event: publish right after it commits instead of at the next poll. */
    void wakeUpAfterCommit() {
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && wakeUp.availablePermits() == 0) {
                    wakeUp.release();
                }
            }
        });
    }

    private void run() {
        while (running) {
            boolean moreWaiting = false;
            try {
                int published = relayBatch();
                consecutiveFailures = 0;
                moreWaiting = published == config.batchSize();
            } catch (Exception e) {
                consecutiveFailures++;
                LOG.warnf("Outbox relay could not publish (attempt %d, retrying with backoff): %s",
                        consecutiveFailures, e.toString());
                closeProducer();
            }
            if (!moreWaiting && !pause()) {
                return;
            }
        }
    }

    /** Waits for the next poll, a wake-up or, after failures, the full backoff. Returns false when stopping. */
    private boolean pause() {
        try {
            if (consecutiveFailures > 0) {
                Thread.sleep(backoff().toMillis());
                wakeUp.drainPermits();
            } else if (wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    Duration backoff() {
        long base = config.pollInterval().toMillis();
        long factor = 1L << Math.min(consecutiveFailures, 10);
        return Duration.ofMillis(Math.min(config.maxBackoff().toMillis(), base * factor));
    }

    private int relayBatch() throws Exception {
        try {
            return QuarkusTransaction.requiringNew().call(this::publishPending);
        } catch (RuntimeException e) {
            recordFailure(e);
            throw e;
        }
    }

    private int publishPending() throws Exception {
        // The turn and the rows in one round trip, each in a statement of its own (see V0_3__relay_turn.sql): it is
        // on the way of every event, and a round trip here was a millisecond at the median of the event lag.
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = entityManager
                .createNativeQuery("SELECT * FROM outbox_pending_in_turn(:key, :batch) ORDER BY seq", OutboxEvent.class)
                .setParameter("key", RELAY_LOCK_KEY)
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> sender = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(event.topic, event.messageKey, event.envelope);
            if (event.headers != null) {
                StoredHeaders.fromJson(event.headers).forEach(record.headers()::add);
            } else {
                record.headers().add("eventId", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventType", event.eventType.getBytes(StandardCharsets.UTF_8));
                if (event.requestId != null) {
                    record.headers().add("X-Request-Id", event.requestId.getBytes(StandardCharsets.UTF_8));
                }
            }
            acks.add(sender.send(record));
        }
        sender.flush();
        long deadline = System.nanoTime() + config.deliveryTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        OffsetDateTime now = OffsetDateTime.now();
        for (OutboxEvent event : batch) {
            event.publishedAt = now;
            event.attempts++;
        }
        return batch.size();
    }

    /** Keeps the reason on the oldest waiting row, so an operator can see why events are stuck. */
    private void recordFailure(Exception failure) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE seq = "
                                    + "(SELECT min(seq) FROM outbox_event WHERE published_at IS NULL)")
                    .setParameter("error", String.valueOf(failure.getMessage()))
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.debug("Could not record the outbox failure", e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = kafka.clientProperties();
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            int timeoutMs = (int) config.deliveryTimeout().toMillis();
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("Closing the Kafka producer failed", e);
            }
            producer = null;
        }
    }
}
