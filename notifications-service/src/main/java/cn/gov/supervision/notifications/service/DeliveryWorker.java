package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.Delivery;
import cn.gov.supervision.notifications.domain.DeliveryAttempt;
import cn.gov.supervision.notifications.domain.Digest;
import cn.gov.supervision.notifications.events.NotificationEvents;
import cn.gov.supervision.notifications.repository.DeliveryRepository;
import cn.gov.supervision.notifications.repository.DigestRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends stored deliveries. A worker claims due rows with FOR UPDATE SKIP LOCKED and a lease, so instances running at
 * once never take the same delivery; one whose worker died is taken over when its lease ends. A failed send is
 * retried with exponential backoff, every attempt is recorded, and a delivery that keeps failing is given up.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;

    private final EntityManager entityManager;
    private final DeliveryRepository deliveries;
    private final DigestRepository digests;
    private final EmailDigestSender email;
    private final WebhookDigestSender webhook;
    private final NotificationEvents events;
    private final NotificationsConfig config;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public DeliveryWorker(EntityManager entityManager, DeliveryRepository deliveries, DigestRepository digests,
                          EmailDigestSender email, WebhookDigestSender webhook, NotificationEvents events,
                          NotificationsConfig config) {
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.digests = digests;
        this.email = email;
        this.webhook = webhook;
        this.events = events;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.delivery().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "digest-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                while (running && deliverDue() > 0) {
                    // keep going while there is work
                }
            } catch (RuntimeException e) {
                LOG.warn("Delivery round failed; retrying at the next poll", e);
            }
            try {
                wakeUp.tryAcquire(config.delivery().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Claims and sends one batch; returns how many deliveries it handled. */
    int deliverDue() {
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        for (UUID id : claimed) {
            deliver(id);
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> claim() {
        return entityManager.createNativeQuery("""
                        UPDATE delivery SET status = 'SENDING', attempts = attempts + 1,
                               claimed_until = now() + make_interval(secs => :lease)
                        WHERE id IN (SELECT id FROM delivery
                                     WHERE (status = 'PENDING' AND next_attempt_at <= now())
                                        OR (status = 'SENDING' AND claimed_until < now())
                                     ORDER BY next_attempt_at
                                     LIMIT :batch
                                     FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .setParameter("lease", (double) config.delivery().lease().toSeconds())
                .setParameter("batch", BATCH)
                .getResultList();
    }

    private void deliver(UUID deliveryId) {
        Delivery delivery = QuarkusTransaction.requiringNew().call(() -> deliveries.findById(deliveryId));
        Digest digest = QuarkusTransaction.requiringNew().call(() -> digests.findById(delivery.digestId));
        String error = null;
        String summary = null;
        try {
            if (Delivery.EMAIL.equals(delivery.channel)) {
                email.send(digest, delivery);
            } else {
                webhook.send(digest, delivery);
            }
        } catch (DeliveryFailure e) {
            error = e.getMessage();
            summary = e.summary();
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            summary = "delivery failed";
        }
        if (error != null) {
            LOG.warnf("Delivery %s (%s) failed on attempt %d: %s", deliveryId, delivery.channel, delivery.attempts, error);
        }
        String failure = error;
        String failureSummary = summary;
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, failure, failureSummary));
    }

    private void record(UUID deliveryId, String error, String summary) {
        Delivery delivery = deliveries.findById(deliveryId);
        OffsetDateTime now = OffsetDateTime.now();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = deliveryId;
        attempt.attemptedAt = now;
        attempt.succeeded = error == null;
        attempt.error = error;
        entityManager.persist(attempt);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", deliveryId.toString());
        payload.put("channel", delivery.channel);
        payload.put("target", delivery.target);
        payload.put("attempts", delivery.attempts);
        delivery.claimedUntil = null;
        if (error == null) {
            delivery.status = Delivery.SENT;
            delivery.sentAt = now;
            delivery.lastError = null;
            delivery.lastErrorSummary = null;
            Digest digest = digests.findById(delivery.digestId);
            payload.put("unitId", digest.unitId.toString());
            payload.put("date", digest.day.toString());
            payload.put("items", digest.itemCount);
            events.publish(NotificationEvents.DIGEST_SENT, delivery.digestId, payload);
            return;
        }
        delivery.lastError = error;
        delivery.lastErrorSummary = summary;
        boolean givenUp = delivery.attempts >= config.delivery().maxAttempts();
        delivery.status = givenUp ? Delivery.FAILED : Delivery.PENDING;
        delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
        payload.put("error", error);
        payload.put("givenUp", givenUp);
        payload.put("nextAttemptAt", givenUp ? null : delivery.nextAttemptAt.toString());
        events.publish(NotificationEvents.DELIVERY_FAILED, delivery.digestId, payload);
    }

    Duration backoff(int attempts) {
        Duration initial = config.delivery().initialBackoff();
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 16);
        Duration next = initial.multipliedBy(factor);
        return next.compareTo(config.delivery().maxBackoff()) > 0 ? config.delivery().maxBackoff() : next;
    }
}
