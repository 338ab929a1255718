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
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import cn.gov.supervision.notifications.api.DigestItem;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A digest POSTed as JSON to a registered webhook, signed under the webhook's secret with
 * {@code X-Signature: t=<unix seconds>,sha256=<hex HMAC-SHA256 of "<t>.<X-Delivery-Id>.<body>">}: the time lets a
 * receiver refuse a captured delivery replayed later, the delivery id one replayed under another id (receivers
 * deduplicate by it, and find it again in {@code Idempotency-Key}). Anything but a 2xx answer is a failure to retry;
 * redirects are not followed (they would lead past the address check).
 * <p>
 * The URL is checked by {@link WebhookTargets} before every send, and the connection goes to exactly the address
 * checked ({@link RequestOptions#setServer}), while the URL's host name is still what the Host header, SNI and the
 * certificate check use. Java's own HTTP client cannot do that: it resolves the name again by itself.
 */
@ApplicationScoped
public class WebhookDigestSender {

    private final WebhookRepository webhooks;
    private final DigestMessages messages;
    private final AckLinks ackLinks;
    private final ObjectMapper objectMapper;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final Duration timeout;
    private final HttpClient client;
    private final ReadableDigests readable;
    private final Template text;
    private final Duration ackLinkLifetime;

    public WebhookDigestSender(WebhookRepository webhooks, DigestMessages messages, AckLinks ackLinks,
                               ObjectMapper objectMapper, NotificationsConfig config, WebhookSecrets secrets,
                               WebhookTargets targets, Vertx vertx, ReadableDigests readable,
                               @Location("digest.txt") Template text) {
        this.readable = readable;
        this.text = text;
        this.ackLinkLifetime = config.ackLinkLifetime();
        this.webhooks = webhooks;
        this.targets = targets;
        this.secrets = secrets;
        this.messages = messages;
        this.ackLinks = ackLinks;
        this.objectMapper = objectMapper;
        this.timeout = config.delivery().webhookTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                // the certificate must name the URL's host (sent as SNI), whatever address was connected to
                .setVerifyHost(true)
                .setForceSni(true));
    }

    public void send(Digest digest, Delivery delivery) {
        Webhook webhook = QuarkusTransaction.requiringNew().call(() -> webhooks.findById(delivery.webhookId));
        if (webhook == null || !webhook.active) {
            throw new IllegalStateException("webhook " + delivery.webhookId + " was removed");
        }
        WebhookTargets.Target target;
        try {
            target = targets.check(webhook.url);
        } catch (WebhookTargets.RefusedTarget e) {
            throw new DeliveryFailure("webhook address refused: " + e.getMessage(),
                    "webhook address refused: " + e.detail(), null);
        }
        byte[] body = body(digest);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setSsl(target.https())
                .setHost(target.host())
                .setPort(target.port())
                .setURI(target.pathAndQuery())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .putHeader("X-Signature", signature(secrets.open(webhook.secret), Instant.now(), delivery.id, body))
                .putHeader("X-Digest-Id", digest.id.toString())
                .putHeader("X-Delivery-Id", delivery.id.toString())
                .putHeader("Idempotency-Key", delivery.id.toString());
        int status = post(options, body, target);
        if (status / 100 == 3) {
            String answer = "webhook answered " + status + " (redirects are not followed)";
            throw new DeliveryFailure(answer, answer, null);
        }
        if (status / 100 != 2) {
            throw new DeliveryFailure("webhook answered " + status, "webhook answered " + status, null);
        }
    }

    /**
     * The answer's status, within {@link NotificationsConfig.Delivery#webhookTimeout()} all told: a send never
     * outlasts the lease it was renewed under (see {@link DeliveryWorker}).
     */
    private int post(RequestOptions options, byte[] body, WebhookTargets.Target target) {
        AtomicReference<HttpClientRequest> started = new AtomicReference<>();
        Future<Integer> status = client.request(options)
                .compose(request -> {
                    started.set(request);
                    return request.send(Buffer.buffer(body));
                })
                .compose(response -> {
                    response.handler(ignored -> { }); // the answer's body is not read, only drained
                    return response.end().map(ended -> response.statusCode());
                });
        String where = target.address().getHostAddress() + ":" + target.port();
        try {
            return status.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest request = started.get();
            if (request != null) {
                request.reset();
            }
            throw new DeliveryFailure("webhook did not answer in time",
                    "webhook at " + where + " did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            // the raw cause says whether a port is open: for administrators only
            throw new DeliveryFailure("webhook unreachable", "webhook unreachable at " + where + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", "interrupted", e);
        }
    }

    private byte[] body(Digest digest) {
        Map<String, Object> json = new LinkedHashMap<>();
        String unitName = messages.unitName(digest);
        String pageLink = ackLinks.link(digest.id);
        List<DigestItem> items = messages.items(digest);
        json.put("id", digest.id);
        json.put("unitId", digest.unitId);
        json.put("unitName", unitName);
        json.put("date", digest.day.toString());
        json.put("kind", digest.kind);
        json.put("items", items);
        json.put("ackLink", pageLink);
        // for receivers that pass the message on to people (chat robots): the same Chinese words as the mail
        String day = ReminderWording.date(digest.day);
        json.put("title", "【督办提醒】" + unitName + " " + day + " 共" + items.size() + "项事项");
        json.put("text", text.data("unitName", unitName).data("day", day)
                .data("items", readable.items(digest.unitId, digest.day, items, 0, pageLink))
                .data("pageLink", pageLink).data("linkValidDays", ackLinkLifetime.toDays()).render());
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
