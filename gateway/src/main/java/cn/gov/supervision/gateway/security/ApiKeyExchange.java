package cn.gov.supervision.gateway.security;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.domain.ApiKeyGrant;
import cn.gov.supervision.gateway.security.ApiKeyTokens.MintedToken;
import cn.gov.supervision.gateway.service.ApiKeyRevoked;
import cn.gov.supervision.gateway.service.ApiKeyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Exchanges an API key's secret for the token to send on, remembering for a few seconds what the database said
 * (also that a secret is unknown) and the minted token until shortly before it expires. So a busy key costs one
 * indexed lookup per {@code gateway.auth.key-cache-ttl} and one signature per few minutes, not one per request.
 */
@ApplicationScoped
public class ApiKeyExchange {

    /** What the edge does with a secret: {@code token} null means refuse it (unknown, revoked or expired). */
    public record Exchange(ApiKeyGrant grant, MintedToken token, long checkedAt) {
    }

    private final ApiKeyService keys;
    private final ApiKeyTokens tokens;
    private final long ttlNanos;
    private final int maxSize;
    private final Duration renewBefore;
    private final ConcurrentMap<String, Exchange> bySecretHash = new ConcurrentHashMap<>();

    public ApiKeyExchange(ApiKeyService keys, ApiKeyTokens tokens, GatewayConfig config) {
        this.keys = keys;
        this.tokens = tokens;
        this.ttlNanos = config.auth().keyCacheTtl().toNanos();
        this.maxSize = config.auth().keyCacheMaxSize();
        // a fifth of the lifetime, at most a minute: a token sent on must not expire while the service works on it
        Duration fifth = config.auth().tokenLifetime().dividedBy(5);
        this.renewBefore = fifth.compareTo(Duration.ofMinutes(1)) < 0 ? fifth : Duration.ofMinutes(1);
    }

    /** The remembered exchange for this secret if it can be used as it is; null when {@link #refresh} must run. */
    public Exchange cached(String secretHash) {
        Exchange known = bySecretHash.get(secretHash);
        if (known == null || System.nanoTime() - known.checkedAt() > ttlNanos) {
            return null;
        }
        Instant now = Instant.now();
        if (known.grant() == null || known.grant().expiredAt(now)) {
            return new Exchange(null, null, known.checkedAt()); // refused without asking the database again
        }
        return now.plus(renewBefore).isBefore(known.token().expiresAt()) ? known : null;
    }

    /** Asks the database (blocking: call it off the event loop) and mints a token when the old one is too old. */
    public Exchange refresh(String secretHash) {
        Instant now = Instant.now();
        ApiKeyGrant grant = keys.usableGrant(secretHash).orElse(null);
        Exchange exchange;
        if (grant == null) {
            exchange = new Exchange(null, null, System.nanoTime());
        } else {
            Exchange previous = bySecretHash.get(secretHash);
            MintedToken token = previous != null && grant.equals(previous.grant()) && previous.token() != null
                    && now.plus(renewBefore).isBefore(previous.token().expiresAt())
                    ? previous.token() : tokens.mint(grant, now);
            exchange = new Exchange(grant, token, System.nanoTime());
        }
        remember(secretHash, exchange);
        return exchange;
    }

    public boolean available() {
        return tokens.available();
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiKeyRevoked revoked) {
        bySecretHash.values().removeIf(exchange -> exchange.grant() != null
                && exchange.grant().keyId().equals(revoked.keyId()));
    }

    private void remember(String secretHash, Exchange exchange) {
        if (bySecretHash.size() >= maxSize) {
            long now = System.nanoTime();
            bySecretHash.values().removeIf(old -> now - old.checkedAt() > ttlNanos);
            if (bySecretHash.size() >= maxSize) {
                // flooded with fresh unknown secrets: keep the keys that work, drop the rest
                bySecretHash.values().removeIf(old -> old.grant() == null);
                if (bySecretHash.size() >= maxSize) {
                    return;
                }
            }
        }
        bySecretHash.put(secretHash, exchange);
    }
}
