package cn.gov.supervision.notifications.service;

import cn.gov.supervision.kit.security.LinkSignatures;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.Delivery;
import cn.gov.supervision.notifications.domain.Digest;
import cn.gov.supervision.notifications.domain.Webhook;
import cn.gov.supervision.notifications.repository.WebhookRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A digest POSTed as JSON to a registered webhook, signed under the webhook's secret with
 * {@code X-Signature: t=<unix seconds>,sha256=<hex HMAC-SHA256 of "<t>.<X-Delivery-Id>.<body>">}: the time lets a
 * receiver refuse a captured delivery replayed later, the delivery id one replayed under another id (receivers
 * deduplicate by it). Anything but a 2xx answer is a failure to retry.
 */
@ApplicationScoped
public class WebhookDigestSender {

    private final WebhookRepository webhooks;
    private final DigestMessages messages;
    private final AckLinks ackLinks;
    private final ObjectMapper objectMapper;
    private final NotificationsConfig config;
    private final WebhookSecrets secrets;
    private final HttpClient client;

    public WebhookDigestSender(WebhookRepository webhooks, DigestMessages messages, AckLinks ackLinks,
                               ObjectMapper objectMapper, NotificationsConfig config, WebhookSecrets secrets) {
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.messages = messages;
        this.ackLinks = ackLinks;
        this.objectMapper = objectMapper;
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.delivery().webhookTimeout()).build();
    }

    public void send(Digest digest, Delivery delivery) {
        Webhook webhook = QuarkusTransaction.requiringNew().call(() -> webhooks.findById(delivery.webhookId));
        if (webhook == null || !webhook.active) {
            throw new IllegalStateException("webhook " + delivery.webhookId + " was removed");
        }
        byte[] body = body(digest);
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url))
                .timeout(config.delivery().webhookTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Signature", signature(secrets.open(webhook.secret), Instant.now(), delivery.id, body))
                .header("X-Digest-Id", digest.id.toString())
                .header("X-Delivery-Id", delivery.id.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private byte[] body(Digest digest) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", digest.id);
        json.put("unitId", digest.unitId);
        json.put("unitName", messages.unitName(digest));
        json.put("date", digest.day.toString());
        json.put("kind", digest.kind);
        json.put("items", messages.items(digest));
        json.put("ackLink", ackLinks.link(digest.id));
        try {
            return objectMapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signature(String secret, Instant signedAt, UUID deliveryId, byte[] body) {
        long timestamp = signedAt.getEpochSecond();
        byte[] prefix = (timestamp + "." + deliveryId + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = ByteBuffer.allocate(prefix.length + body.length).put(prefix).put(body).array();
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        return "t=" + timestamp + ",sha256=" + LinkSignatures.hmacSha256Hex(key, signed);
    }
}
