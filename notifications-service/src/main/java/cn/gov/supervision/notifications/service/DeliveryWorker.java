package cn.gov.supervision.notifications.service;

import cn.gov.supervision.kit.events.EventEnvelope;
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
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends stored deliveries. A worker claims due rows with FOR UPDATE SKIP LOCKED and a lease, so instances running at
 * once never take the same delivery; one whose worker died is taken over when its lease ends. A failed send is
 * retried with exponential backoff, every attempt is recorded, and a delivery that keeps failing is given up.
 * <p>
 * A batch can take longer than a lease (twenty slow webhooks), so a lease is renewed just before each send, for that
 * one delivery, under the token of the claim: a row another worker took over after its lease ran out carries another
 * token, so it is neither sent nor recorded a second time. The lease must outlast one send (checked at startup).
 * Each channel has its own worker, so that slow webhooks never hold up the mail.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;
    private static final List<String> CHANNELS = List.of(Delivery.EMAIL, Delivery.WEBHOOK);

    private final EntityManager entityManager;
    private final DeliveryRepository deliveries;
    private final DigestRepository digests;
    private final EmailDigestSender email;
    private final WebhookDigestSender webhook;
    private final WeeklyReportSender weeklyReports;
    private final NotificationEvents events;
    private final NotificationsConfig config;
    private final Map<String, Semaphore> wakeUps = Map.of(Delivery.EMAIL, new Semaphore(0),
            Delivery.WEBHOOK, new Semaphore(0));
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    public DeliveryWorker(EntityManager entityManager, DeliveryRepository deliveries, DigestRepository digests,
                          EmailDigestSender email, WebhookDigestSender webhook, WeeklyReportSender weeklyReports,
                          NotificationEvents events, NotificationsConfig config) {
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.digests = digests;
        this.email = email;
        this.webhook = webhook;
        this.weeklyReports = weeklyReports;
        this.events = events;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        Duration lease = config.delivery().lease();
        Duration longestSend = config.delivery().webhookTimeout().multipliedBy(2);
        if (lease.compareTo(longestSend) < 0) {
            throw new IllegalStateException("notifications.delivery.lease (" + lease + ") must be at least twice "
                    + "notifications.delivery.webhook-timeout (" + config.delivery().webhookTimeout() + "): a send "
                    + "must end within the lease renewed for it, or another instance may send it again");
        }
        if (!config.delivery().enabled()) {
            return;
        }
        running = true;
        for (String channel : CHANNELS) {
            Thread thread = new Thread(() -> loop(channel), "digest-delivery-" + channel.toLowerCase(Locale.ROOT));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    public void wakeUp() {
        for (Semaphore wakeUp : wakeUps.values()) {
            if (wakeUp.availablePermits() == 0) {
                wakeUp.release();
            }
        }
    }

    private void loop(String channel) {
        Semaphore wakeUp = wakeUps.get(channel);
        while (running) {
            try {
                while (running && deliverDue(channel) > 0) {
                    // keep going while there is work
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Delivery round (%s) failed; retrying at the next poll", channel);
            }
            try {
                wakeUp.tryAcquire(config.delivery().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Claims and sends one batch of every channel; returns how many deliveries it handled. */
    int deliverDue() {
        return CHANNELS.stream().mapToInt(this::deliverDue).sum();
    }

    /** Claims and sends one batch of {@code channel}; returns how many deliveries it claimed. */
    int deliverDue(String channel) {
        UUID claimToken = UUID.randomUUID();
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> claim(channel, claimToken));
        for (UUID id : claimed) {
            if (QuarkusTransaction.requiringNew().call(() -> renewLease(id, claimToken))) {
                deliver(id, claimToken);
            } else {
                LOG.debugf("Delivery %s was taken over after its lease ran out; leaving it to its new worker", id);
            }
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> claim(String channel, UUID claimToken) {
        return entityManager.createNativeQuery("""
                        UPDATE delivery SET status = 'SENDING', attempts = attempts + 1, claim_token = :token,
                               claimed_until = now() + make_interval(secs => :lease)
                        WHERE id IN (SELECT id FROM delivery
                                     WHERE channel = :channel
                                       AND ((status = 'PENDING' AND next_attempt_at <= now())
                                            OR (status = 'SENDING' AND claimed_until < now()))
                                     ORDER BY next_attempt_at
                                     LIMIT :batch
                                     FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .setParameter("token", claimToken)
                .setParameter("lease", (double) config.delivery().lease().toSeconds())
                .setParameter("channel", channel)
                .setParameter("batch", BATCH)
                .getResultList();
    }

    /**
     * A full lease for the send about to start, if the row is still this claim's: one whose lease ran out while
     * earlier sends of the batch went on may have been claimed by another worker since.
     */
    private boolean renewLease(UUID deliveryId, UUID claimToken) {
        return entityManager.createNativeQuery("""
                        UPDATE delivery SET claimed_until = now() + make_interval(secs => :lease)
                        WHERE id = :id AND status = 'SENDING' AND claim_token = :token""")
                .setParameter("lease", (double) config.delivery().lease().toSeconds())
                .setParameter("id", deliveryId)
                .setParameter("token", claimToken)
                .executeUpdate() == 1;
    }

    private void deliver(UUID deliveryId, UUID claimToken) {
        Delivery delivery = QuarkusTransaction.requiringNew().call(() -> deliveries.findById(deliveryId));
        Digest digest = QuarkusTransaction.requiringNew().call(() -> digests.findById(delivery.digestId));
        String error = null;
        String summary = null;
        try {
            if (Digest.WEEKLY.equals(digest.kind)) {
                weeklyReports.send(digest, delivery);
            } else if (Delivery.EMAIL.equals(delivery.channel)) {
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
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, claimToken, failure, failureSummary));
    }

    private void record(UUID deliveryId, UUID claimToken, String error, String summary) {
        Delivery delivery = entityManager.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (!claimToken.equals(delivery.claimToken)) {
            // the send outlasted its lease after all and another worker owns the row now: its outcome counts
            LOG.warnf("Delivery %s was taken over while being sent; its outcome here is not recorded", deliveryId);
            return;
        }
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
        delivery.claimToken = null;
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
        payload.put("nextAttemptAt", givenUp ? null : EventEnvelope.timestamp(delivery.nextAttemptAt));
        events.publish(NotificationEvents.DELIVERY_FAILED, delivery.digestId, payload);
    }

    Duration backoff(int attempts) {
        Duration initial = config.delivery().initialBackoff();
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 16);
        Duration next = initial.multipliedBy(factor);
        return next.compareTo(config.delivery().maxBackoff()) > 0 ? config.delivery().maxBackoff() : next;
    }
}
