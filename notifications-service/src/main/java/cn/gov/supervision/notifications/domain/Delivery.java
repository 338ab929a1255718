package cn.gov.supervision.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A digest on one channel (an e-mail, or one webhook), with its delivery state. */
@Entity
@Table(name = "delivery")
public class Delivery {

    public static final String EMAIL = "EMAIL";
    public static final String WEBHOOK = "WEBHOOK";

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    /** A delivery of {@code digestId} to send now. */
    public static Delivery pending(UUID digestId, String channel, String target, UUID webhookId) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.digestId = digestId;
        delivery.channel = channel;
        delivery.target = target;
        delivery.webhookId = webhookId;
        delivery.status = PENDING;
        delivery.nextAttemptAt = OffsetDateTime.now();
        return delivery;
    }

    @Column(name = "digest_id", nullable = false)
    public UUID digestId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String target;

    @Column(name = "webhook_id")
    public UUID webhookId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_until")
    public OffsetDateTime claimedUntil;

    /** Set by each claim: a worker whose lease was taken over finds another token here and leaves the row alone. */
    @Column(name = "claim_token")
    public UUID claimToken;

    /** The raw error of the last failed attempt (for administrators: it may name addresses and ports). */
    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    /** The same failure in terms that map nothing of the network, for whoever else manages webhooks. */
    @Column(name = "last_error_summary", columnDefinition = "text")
    public String lastErrorSummary;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
