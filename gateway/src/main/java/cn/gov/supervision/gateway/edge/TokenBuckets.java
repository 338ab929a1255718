package cn.gov.supervision.gateway.edge;

import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link TokenBucket} per key (a client, an address), created full on first use and forgotten once idle long enough
 * to have refilled, so that memory follows the clients seen lately rather than every client ever seen.
 */
public final class TokenBuckets {

    private final long capacity;
    private final double nanosPerToken;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final long evictionTimer;

    /** {@code capacity} in a burst, then {@code refillTokens} per {@code refillPeriod}. */
    public TokenBuckets(Vertx vertx, long capacity, long refillTokens, Duration refillPeriod, Duration idleEviction) {
        this.capacity = capacity;
        this.nanosPerToken = (double) refillPeriod.toNanos() / refillTokens;
        this.vertx = vertx;
        long idleMillis = idleEviction.toMillis();
        this.evictionTimer = vertx.setPeriodic(idleMillis,
                ignored -> buckets.values().removeIf(bucket -> bucket.idleSince(System.nanoTime() - idleMillis * 1_000_000)));
    }

    /** Takes a token from {@code key}'s bucket: 0 when granted, otherwise the nanoseconds until one will be there. */
    public long take(String key) {
        long now = System.nanoTime();
        return bucket(key, now).take(now);
    }

    /** Like {@link #take} but leaves the token: whether {@code key} could take one now. */
    public long waitFor(String key) {
        TokenBucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.waitFor(System.nanoTime());
    }

    /** Whole seconds to wait, at least one, for a Retry-After header. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
    }

    public void close() {
        vertx.cancelTimer(evictionTimer);
    }

    private TokenBucket bucket(String key, long now) {
        return buckets.computeIfAbsent(key, ignored -> new TokenBucket(capacity, nanosPerToken, now));
    }
}
