package cn.gov.supervision.notifications.api;

import cn.gov.supervision.notifications.domain.Delivery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A feed entry: one unit's digest for a day, whether the unit has acknowledged it (签收), and how it was delivered. */
public record NotificationView(UUID id, UUID unitId, String unitName, LocalDate date, String kind, int itemCount,
                               List<DigestItem> items, List<String> recipients, OffsetDateTime createdAt,
                               OffsetDateTime acknowledgedAt, List<DeliveryView> deliveries) {

    /**
     * {@code target} and {@code lastError} of a webhook delivery are null for whoever may not manage webhooks; of
     * those who may, only administrators read the raw error (it may name addresses, ports and connection errors),
     * the others (an API key, say) a summary of it.
     */
    public record DeliveryView(String channel, String target, String status, int attempts, OffsetDateTime sentAt,
                               String lastError) {

        public static DeliveryView of(Delivery delivery, boolean withWebhookDetails, boolean withRawErrors) {
            boolean webhook = Delivery.WEBHOOK.equals(delivery.channel);
            boolean hidden = webhook && !withWebhookDetails;
            String error = hidden ? null
                    : webhook && !withRawErrors && delivery.lastError != null ? summaryOf(delivery) : delivery.lastError;
            return new DeliveryView(delivery.channel, hidden ? null : delivery.target, delivery.status,
                    delivery.attempts, delivery.sentAt, error);
        }

        /** Rows failed before summaries were kept have none: they say only that the delivery failed. */
        private static String summaryOf(Delivery delivery) {
            return delivery.lastErrorSummary != null ? delivery.lastErrorSummary : "delivery failed";
        }
    }
}
