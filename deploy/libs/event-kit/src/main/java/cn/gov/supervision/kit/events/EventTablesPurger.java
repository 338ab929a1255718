package cn.gov.supervision.kit.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;

/**
 * Keeps the kit's tables from growing without end, every {@link OutboxConfig#purgeInterval()}:
 * <ul>
 *   <li>published outbox rows older than {@link OutboxConfig#retention()} are deleted. Unpublished rows are never
 *       touched, however old: they are events still owed to Kafka.</li>
 *   <li>processed_event rows older than {@link EventConsumerConfig#processedRetention()} are deleted. A row is needed
 *       only while Kafka may deliver its event again, and it does so only for records after the group's committed
 *       offset, which the consumer commits right after applying: a record applied days ago is long behind it. An
 *       operator who rewinds a group on purpose past the retention has those events applied again; each carries its
 *       subject's full state and they come in order, so the subscribers end where they were.</li>
 * </ul>
 */
@ApplicationScoped
public class EventTablesPurger {

    private static final Logger LOG = Logger.getLogger(EventTablesPurger.class);
    /**
     * processed_event rows deleted per transaction: the first purge of a service that ran for years without one
     * meets millions, and one transaction over all of them would hold its locks and WAL for minutes.
     */
    public static final int PROCESSED_BATCH = 10_000;

    private final EntityManager entityManager;
    private final OutboxConfig outbox;
    private final EventConsumerConfig consumer;

    public EventTablesPurger(EntityManager entityManager, OutboxConfig outbox, EventConsumerConfig consumer) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.consumer = consumer;
    }

    @Scheduled(identity = "event-tables-purge", every = "{outbox.purge-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        int published = purgePublished();
        if (published > 0) {
            LOG.infof("Purged %d published outbox rows older than %s", published, outbox.retention());
        }
        long processed = purgeProcessed();
        if (processed > 0) {
            LOG.infof("Purged %d processed_event rows older than %s", processed, consumer.processedRetention());
        }
    }

    @Transactional
    public int purgePublished() {
        return entityManager.createNativeQuery(
                        "DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now().minus(outbox.retention()))
                .executeUpdate();
    }

    /** Deletes processed_event rows older than the retention, {@link #PROCESSED_BATCH} per transaction. */
    public long purgeProcessed() {
        OffsetDateTime cutoff = OffsetDateTime.now().minus(consumer.processedRetention());
        long purged = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                            "DELETE FROM processed_event WHERE ctid = ANY (ARRAY(SELECT ctid FROM processed_event "
                                    + "WHERE processed_at < :cutoff LIMIT :batch))")
                    .setParameter("cutoff", cutoff)
                    .setParameter("batch", PROCESSED_BATCH)
                    .executeUpdate());
            purged += batch;
        } while (batch == PROCESSED_BATCH);
        return purged;
    }
}
