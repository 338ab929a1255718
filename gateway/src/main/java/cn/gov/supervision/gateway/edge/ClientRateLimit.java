package cn.gov.supervision.gateway.edge;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.problem.GatewayProblem;
import cn.gov.supervision.gateway.security.ClientIdentity;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** A token bucket per client (see {@link ClientIdentity}); an empty bucket answers 429 with Retry-After. */
@ApplicationScoped
public class ClientRateLimit implements EdgeStage {

    private final boolean enabled;
    private final TokenBuckets buckets;

    public ClientRateLimit(GatewayConfig config, Vertx vertx) {
        GatewayConfig.RateLimitConfig limit = config.rateLimit();
        this.enabled = limit.enabled();
        this.buckets = new TokenBuckets(vertx, limit.capacity(), limit.refillTokens(), limit.refillPeriod(),
                limit.idleEviction());
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
        if (!enabled) {
            context.next();
            return;
        }
        long waitNanos = buckets.take(ClientIdentity.of(context));
        if (waitNanos == 0) {
            context.next();
            return;
        }
        long retryAfterSeconds = TokenBuckets.retryAfterSeconds(waitNanos);
        context.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        GatewayProblem.of(429, "rate-limited", "Too Many Requests",
                "Too many requests from this client; retry after " + retryAfterSeconds + " s").send(context);
    }

    @PreDestroy
    void stopEviction() {
        buckets.close();
    }
}
