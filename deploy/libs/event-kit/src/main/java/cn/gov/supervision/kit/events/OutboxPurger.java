package cn.gov.supervision.kit.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;

/**
 * Keeps the outbox from growing without end: published rows older than the retention are deleted. Unpublished rows
 * are never touched, however old: they are events still owed to Kafka.
 */
@ApplicationScoped
public class OutboxPurger {

    private static final Logger LOG = Logger.getLogger(OutboxPurger.class);

    private final EntityManager entityManager;
    private final OutboxConfig config;

    public OutboxPurger(EntityManager entityManager, OutboxConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(identity = "outbox-purge", every = "{outbox.purge-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        int purged = purgePublished();
        if (purged > 0) {
            LOG.infof("Purged %d published outbox rows older than %s", purged, config.retention());
        }
    }

    @Transactional
    public int purgePublished() {
        return entityManager.createNativeQuery(
                        "DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now().minus(config.retention()))
                .executeUpdate();
    }
}
