package cn.gov.supervision.notifications.service;

import cn.gov.supervision.kit.security.LinkSignatures.LinkCheck;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.Delivery;
import cn.gov.supervision.notifications.domain.Digest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * "Send me a fresh link" from the page an expired link opens. The fresh link goes out as the digest's mail again, to
 * the recipients the digest was made for (the unit's registered contacts) and never to an address from the request;
 * only a link that was genuine and has merely expired may ask; and a digest and a unit get a few such mails a day at
 * most, so the button cannot be used to flood anyone's mailbox.
 */
@ApplicationScoped
public class FreshLinks {

    private final EntityManager entityManager;
    private final AckLinks ackLinks;
    private final NotificationsConfig config;

    public FreshLinks(EntityManager entityManager, AckLinks ackLinks, NotificationsConfig config) {
        this.entityManager = entityManager;
        this.ackLinks = ackLinks;
        this.config = config;
    }

    /** What became of a request: the presented link's check, and whether a mail was queued. */
    public record FreshLinkAnswer(LinkCheck check, boolean sent) {
    }

    @Transactional
    public FreshLinkAnswer request(UUID digestId, AckLinks.PresentedLink link) {
        // the lock makes concurrent requests for one digest count one after another
        Digest digest = entityManager.find(Digest.class, digestId, LockModeType.PESSIMISTIC_WRITE);
        LinkCheck check = digest == null ? LinkCheck.TAMPERED : ackLinks.check(digest, link);
        if (check != LinkCheck.EXPIRED) {
            return new FreshLinkAnswer(check, false);
        }
        OffsetDateTime dayAgo = OffsetDateTime.now().minusDays(1);
        long forDigest = count("digest_id", digestId, dayAgo);
        long forUnit = count("unit_id", digest.unitId, dayAgo);
        if (forDigest >= config.digestPage().freshLinksPerDigestPerDay()
                || forUnit >= config.digestPage().freshLinksPerUnitPerDay()) {
            return new FreshLinkAnswer(check, false);
        }
        UUID requestId = UUID.randomUUID();
        entityManager.createNativeQuery("INSERT INTO fresh_link_request (id, digest_id, unit_id, requested_at) "
                        + "VALUES (:id, :digest, :unit, :at)")
                .setParameter("id", requestId).setParameter("digest", digestId).setParameter("unit", digest.unitId)
                .setParameter("at", OffsetDateTime.now()).executeUpdate();
        // the mail carries a link signed when it is sent, so it is fresh; the recipients are the digest's
        entityManager.persist(Delivery.pending(digestId, Delivery.EMAIL, "email (fresh link " + requestId + ")", null));
        return new FreshLinkAnswer(check, true);
    }

    private long count(String column, UUID id, OffsetDateTime since) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM fresh_link_request WHERE " + column
                        + " = :id AND requested_at > :since")
                .setParameter("id", id).setParameter("since", since).getSingleResult()).longValue();
    }
}
