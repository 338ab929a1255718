package cn.gov.supervision.notifications.repository;

import cn.gov.supervision.notifications.domain.Delivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    private static final Sort BY_CHANNEL_AND_TARGET = Sort.by("channel").and("target");

    /** Every delivery of a digest, by channel and target. */
    public List<Delivery> ofDigest(UUID digestId) {
        return list("digestId", BY_CHANNEL_AND_TARGET, digestId);
    }

    /**
     * The deliveries of a digest that concern the unit it is addressed to: mail to its contacts and its own webhooks,
     * not the webhooks that receive every unit's digests (those belong to whoever runs the receiving system).
     */
    public List<Delivery> ofDigestForItsUnit(UUID digestId) {
        return list("digestId = ?1 AND (webhookId IS NULL OR webhookId IN "
                + "(SELECT w.id FROM Webhook w WHERE w.unitId IS NOT NULL))", BY_CHANNEL_AND_TARGET, digestId);
    }

    /** A new delivery of a stored digest on one channel, due now; the worker sends it. */
    public void enqueue(UUID digestId, String channel, String target, UUID webhookId) {
        persist(Delivery.pending(digestId, channel, target, webhookId));
    }
}
