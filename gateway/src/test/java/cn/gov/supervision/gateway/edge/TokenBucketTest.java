package cn.gov.supervision.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstUpToCapacityThenOneTokenPerRefillInterval() {
        TokenBucket bucket = new TokenBucket(3, SECOND / 2.0, 0); // 3 at once, then 2 a second
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(SECOND / 2);
        assertThat(bucket.take(SECOND / 4)).isEqualTo(SECOND / 4);
        assertThat(bucket.take(SECOND / 2)).isZero();
        assertThat(bucket.take(SECOND / 2)).isPositive();
    }

    @Test
    void aQuietBucketRefillsOnlyToItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, SECOND, 0);
        bucket.take(0);
        bucket.take(0);
        for (int i = 0; i < 2; i++) {
            assertThat(bucket.take(100 * SECOND)).isZero();
        }
        assertThat(bucket.take(100 * SECOND)).isPositive();
        assertThat(bucket.idleSince(101 * SECOND)).isTrue();
        assertThat(bucket.idleSince(100 * SECOND)).isFalse();
    }

    @Test
    void lookingTakesNothing() {
        TokenBucket bucket = new TokenBucket(1, SECOND, 0);
        assertThat(bucket.waitFor(0)).isZero();
        assertThat(bucket.waitFor(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.waitFor(0)).isEqualTo(SECOND);
        assertThat(bucket.waitFor(SECOND)).isZero();
    }
}
