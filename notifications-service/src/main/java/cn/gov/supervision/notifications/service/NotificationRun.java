package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.api.RunResult;
import cn.gov.supervision.notifications.domain.Delivery;
import cn.gov.supervision.notifications.repository.DeliveryRepository;
import cn.gov.supervision.notifications.domain.Digest;
import cn.gov.supervision.notifications.domain.Webhook;
import cn.gov.supervision.notifications.repository.WebhookRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A day's job: collect the digests and store each with its deliveries, all in one transaction. A digest's unique key
 * (unit, day, kind) is claimed before anything is sent, so running a day twice, or on two instances at once, stores
 * and sends each digest once; the delivery worker then sends what was stored.
 */
@ApplicationScoped
public class NotificationRun {

    private static final Logger LOG = Logger.getLogger(NotificationRun.class);

    private final DigestCollector digests;
    private final WebhookRepository webhooks;
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final DeliveryWorker worker;
    private final DeliveryRepository deliveries;

    public NotificationRun(DigestCollector digests, WebhookRepository webhooks, EntityManager entityManager,
                           ObjectMapper objectMapper, DeliveryWorker worker, DeliveryRepository deliveries) {
        this.digests = digests;
        this.webhooks = webhooks;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.worker = worker;
        this.deliveries = deliveries;
    }

    public RunResult run(LocalDate day) {
        List<DigestCollector.PlannedDigest> planned = digests.collect(day);
        RunResult result = QuarkusTransaction.requiringNew().call(() -> store(day, planned));
        LOG.infof("Run of %s: %d digests planned, %d new, %d deliveries", day, result.digestsPlanned(),
                result.digestsCreated(), result.deliveriesCreated());
        worker.wakeUp();
        return result;
    }

    private RunResult store(LocalDate day, List<DigestCollector.PlannedDigest> planned) throws JsonProcessingException {
        List<Webhook> activeWebhooks = webhooks.list("active", true);
        int created = 0;
        int deliveriesCreated = 0;
        for (DigestCollector.PlannedDigest digest : planned) {
            UUID id = UUID.randomUUID();
            int inserted = entityManager.createNativeQuery("""
                            INSERT INTO digest (id, unit_id, day, kind, items, item_count, recipients, created_at)
                            VALUES (:id, :unit, :day, :kind, :items, :count, :recipients, now())
                            ON CONFLICT ON CONSTRAINT digest_once DO NOTHING""")
                    .setParameter("id", id)
                    .setParameter("unit", digest.unit().id)
                    .setParameter("day", day)
                    .setParameter("kind", Digest.DAILY)
                    .setParameter("items", objectMapper.writeValueAsString(digest.items()))
                    .setParameter("count", digest.items().size())
                    .setParameter("recipients", objectMapper.writeValueAsString(digest.recipients()))
                    .executeUpdate();
            if (inserted == 0) {
                continue; // this day's digest for the unit exists already: it was (or is being) delivered
            }
            created++;
            for (DigestCollector.Escalation escalation : digest.escalations()) {
                entityManager.createNativeQuery("INSERT INTO escalation (task_id, unit_id, day) VALUES (:task, :unit, :day) "
                                + "ON CONFLICT DO NOTHING")
                        .setParameter("task", escalation.taskId())
                        .setParameter("unit", escalation.unitId())
                        .setParameter("day", day)
                        .executeUpdate();
            }
            if (!digest.recipients().isEmpty()) {
                deliveries.enqueue(id, Delivery.EMAIL, "email", null); // the recipients are the digest's
                deliveriesCreated++;
            }
            for (Webhook webhook : activeWebhooks) {
                if (webhook.unitId == null || webhook.unitId.equals(digest.unit().id)) {
                    deliveries.enqueue(id, Delivery.WEBHOOK, webhook.url, webhook.id);
                    deliveriesCreated++;
                }
            }
        }
        return new RunResult(day, planned.size(), created, deliveriesCreated);
    }
}
