package cn.gov.supervision.gateway.security;

import cn.gov.supervision.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bearer tokens this gateway has verified lately, by their exact text. Clients send the same token for its whole
 * lifetime, and an RS256 verification costs more than proxying the request does, so the edge verifies a token once
 * and then only checks that it has not expired. Only tokens that passed are remembered: an attacker can make us
 * verify, not make us remember. The services verify every token themselves regardless.
 */
@ApplicationScoped
public class VerifiedBearerTokens {

    /** The subject the rate limit counts under, until when the token itself is valid, and when we verified it. */
    private record Verified(String subject, long expiresAtEpochSecond, long verifiedAtNanos) {
    }

    private final long ttlNanos;
    private final int maxSize;
    private final ConcurrentMap<String, Verified> byToken = new ConcurrentHashMap<>();

    @Inject
    public VerifiedBearerTokens(GatewayConfig config) {
        this(config.auth().bearerCacheTtl(), config.auth().keyCacheMaxSize());
    }

    VerifiedBearerTokens(Duration ttl, int maxSize) {
        this.ttlNanos = ttl.toNanos();
        this.maxSize = maxSize;
    }

    /** The subject of a token verified lately and still valid; null when it must be verified (again). */
    public String subjectOf(String token) {
        Verified verified = byToken.get(token);
        if (verified == null) {
            return null;
        }
        if (System.nanoTime() - verified.verifiedAtNanos() > ttlNanos
                || System.currentTimeMillis() / 1000 >= verified.expiresAtEpochSecond()) {
            byToken.remove(token, verified);
            return null;
        }
        return verified.subject();
    }

    public void remember(String token, String subject, long expiresAtEpochSecond) {
        if (ttlNanos <= 0) {
            return;
        }
        if (byToken.size() >= maxSize) {
            long now = System.nanoTime();
            long nowSeconds = System.currentTimeMillis() / 1000;
            byToken.values().removeIf(old -> now - old.verifiedAtNanos() > ttlNanos
                    || nowSeconds >= old.expiresAtEpochSecond());
            if (byToken.size() >= maxSize) {
                return;
            }
        }
        byToken.put(token, new Verified(subject, expiresAtEpochSecond, System.nanoTime()));
    }
}
