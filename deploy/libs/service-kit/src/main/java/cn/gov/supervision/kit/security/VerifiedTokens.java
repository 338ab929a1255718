package cn.gov.supervision.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executor;

/**
 * Bearer tokens verified lately, so that a client repeating its token (as every client does for the token's whole
 * lifetime) costs one RS256 verification, not one per request: under load that verification was half of a service's
 * CPU. Rules that keep this as safe as verifying every time:
 * <ul>
 *   <li>only tokens that passed verification are remembered: a forged token costs a verification each time and is
 *       never stored;</li>
 *   <li>the key is a SHA-256 of the whole token, signature included, so a token changed in any byte misses; the
 *       value is the verified token itself, which (as smallrye-jwt builds it for every request) holds the raw token,
 *       so a credential stays in memory for at most the ttl beyond its last request, never past its {@code exp};</li>
 *   <li>a token is forgotten after {@link VerifiedTokensConfig#ttl()} and never served past its own {@code exp};</li>
 *   <li>at most {@link VerifiedTokensConfig#maxSize()} tokens are kept.</li>
 * </ul>
 * {@link RememberingTokenParser} puts it in front of smallrye-jwt's parser, so every service and the gateway use it.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final long ttlNanos;
    private final Cache<String, JsonWebToken> byTokenHash;

    @Inject
    public VerifiedTokens(VerifiedTokensConfig config) {
        this(config.ttl(), config.maxSize(), null);
    }

    /** With an executor for Caffeine's maintenance; tests pass {@code Runnable::run} to see evictions at once. */
    VerifiedTokens(Duration ttl, int maxSize, Executor maintenance) {
        this.ttlNanos = ttl.toNanos();
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxSize);
        if (maintenance != null) {
            builder.executor(maintenance);
        }
        this.byTokenHash = builder.expireAfter(new UntilTtlOrExpiry()).build();
    }

    /** The verified form of this exact token if it passed lately and has not expired; null when it must be verified. */
    public JsonWebToken known(String token) {
        if (ttlNanos <= 0) {
            return null;
        }
        JsonWebToken verified = byTokenHash.getIfPresent(hash(token));
        // the cache's clock is System.nanoTime(); exp is wall-clock time, so it is checked against the wall clock too
        if (verified == null || secondsLeft(verified) <= 0) {
            return null;
        }
        return verified;
    }

    /** Remembers a token that has just passed verification; call it with nothing else. */
    public void remember(String token, JsonWebToken verified) {
        if (ttlNanos > 0 && verified.getExpirationTime() > 0 && secondsLeft(verified) > 0) {
            byTokenHash.put(hash(token), verified);
        }
    }

    long size() {
        byTokenHash.cleanUp();
        return byTokenHash.estimatedSize();
    }

    private static long secondsLeft(JsonWebToken verified) {
        return verified.getExpirationTime() - System.currentTimeMillis() / 1000;
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private final class UntilTtlOrExpiry implements Expiry<String, JsonWebToken> {
        @Override
        public long expireAfterCreate(String key, JsonWebToken verified, long currentTime) {
            long untilExpiry = Duration.ofMillis(verified.getExpirationTime() * 1000 - System.currentTimeMillis())
                    .toNanos();
            return Math.max(0, Math.min(ttlNanos, untilExpiry));
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken verified, long currentTime, long currentDuration) {
            return expireAfterCreate(key, verified, currentTime);
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken verified, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
