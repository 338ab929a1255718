package cn.gov.supervision.kit.security;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    /** Just enough of a verified token: its subject and its expiry. */
    private record Verified(String getName, long expiresAt) implements JsonWebToken {
        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) switch (claimName) {
                case "sub" -> getName;
                case "exp" -> (Object) expiresAt;
                default -> null;
            };
        }
    }

    private static Verified expiringIn(long seconds) {
        return new Verified("zhang.san", System.currentTimeMillis() / 1000 + seconds);
    }

    private static VerifiedTokens tokens(Duration ttl, int maxSize) {
        return new VerifiedTokens(ttl, maxSize, Runnable::run);
    }

    @Test
    void aVerifiedTokenIsKnownByItsWholeText() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(1), 10);
        Verified verified = expiringIn(600);
        tokens.remember("header.payload.signature", verified);

        assertThat(tokens.known("header.payload.signature")).isSameAs(verified);
        // a token with the same header and claims but another signature is a different token
        assertThat(tokens.known("header.payload.signaturf")).isNull();
        assertThat(tokens.known("header.payload.signature ")).isNull();
        assertThat(tokens.known("never verified")).isNull();
    }

    @Test
    void aTokenIsNeverServedPastItsExpiry() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(1), 10);
        tokens.remember("expired", expiringIn(-1));
        tokens.remember("expiring now", expiringIn(0));
        Verified soon = expiringIn(1);
        tokens.remember("soon", soon);

        assertThat(tokens.known("expired")).isNull();
        assertThat(tokens.known("expiring now")).isNull();
        assertThat(tokens.known("soon")).isSameAs(soon);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> tokens.known("soon") == null);
        assertThat(System.currentTimeMillis() / 1000).isGreaterThanOrEqualTo(soon.expiresAt());
    }

    @Test
    void aZeroLifetimeVerifiesEveryRequest() {
        VerifiedTokens tokens = tokens(Duration.ZERO, 10);
        tokens.remember("valid", expiringIn(600));

        assertThat(tokens.known("valid")).isNull();
    }

    @Test
    void itIsBounded() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(1), 100);
        for (int i = 0; i < 5_000; i++) {
            tokens.remember("token " + i, expiringIn(600));
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(100);
    }
}
