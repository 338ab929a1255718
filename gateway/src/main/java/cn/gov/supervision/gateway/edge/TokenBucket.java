package cn.gov.supervision.gateway.edge;

/**
 * A classic token bucket: up to {@code capacity} requests in a burst, refilled continuously at a fixed rate. Time is
 * passed in (nanoseconds) so that the arithmetic is testable without waiting.
 */
final class TokenBucket {

    private final long capacity;
    private final double nanosPerToken;
    private double tokens;
    private long lastRefill;
    private long lastUse;

    TokenBucket(long capacity, double nanosPerToken, long now) {
        this.capacity = capacity;
        this.nanosPerToken = nanosPerToken;
        this.tokens = capacity;
        this.lastRefill = now;
        this.lastUse = now;
    }

    /** Takes one token; 0 when granted, otherwise the nanoseconds until one will be there. */
    synchronized long take(long now) {
        refill(now);
        lastUse = now;
        long wait = waitFor(now);
        if (wait == 0) {
            tokens -= 1;
        }
        return wait;
    }

    /** 0 when a token could be taken now, otherwise the nanoseconds until one will be there; takes nothing. */
    synchronized long waitFor(long now) {
        refill(now);
        return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
    }

    /** Unused long enough to have refilled: forgetting it changes nothing for its client. */
    synchronized boolean idleSince(long cutoff) {
        return lastUse < cutoff;
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / nanosPerToken);
            lastRefill = now;
        }
    }
}
