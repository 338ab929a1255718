package cn.gov.supervision.gateway.edge;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.problem.GatewayProblem;
import cn.gov.supervision.gateway.security.ClientIdentity;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A token bucket per client (see {@link ClientIdentity}); an empty bucket answers 429 with Retry-After. */
@ApplicationScoped
public class ClientRateLimit implements EdgeStage {

    private final GatewayConfig.RateLimitConfig config;
    private final double nanosPerToken;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final long evictionTimer;

    public ClientRateLimit(GatewayConfig config, Vertx vertx) {
        this.config = config.rateLimit();
        this.nanosPerToken = (double) this.config.refillPeriod().toNanos() / this.config.refillTokens();
        this.vertx = vertx;
        long idleMillis = this.config.idleEviction().toMillis();
        this.evictionTimer = vertx.setPeriodic(idleMillis, ignored -> evictIdle(System.nanoTime() - idleMillis * 1_000_000));
    }

    @Override
    public int order() {
        return EdgeOrder.RATE_LIMIT;
    }

    @Override
    public String path() {
        return "/api/*";
    }

    @Override
    public void handle(RoutingContext context) {
        if (!config.enabled()) {
            context.next();
            return;
        }
        long now = System.nanoTime();
        long waitNanos = buckets.computeIfAbsent(ClientIdentity.of(context),
                client -> new TokenBucket(config.capacity(), nanosPerToken, now)).take(now);
        if (waitNanos == 0) {
            context.next();
            return;
        }
        long retryAfterSeconds = Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
        context.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        GatewayProblem.of(429, "rate-limited", "Too Many Requests",
                "Too many requests from this client; retry after " + retryAfterSeconds + " s").send(context);
    }

    private void evictIdle(long cutoff) {
        buckets.values().removeIf(bucket -> bucket.idleSince(cutoff));
    }

    @PreDestroy
    void stopEviction() {
        vertx.cancelTimer(evictionTimer);
    }
}
