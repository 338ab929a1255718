package cn.gov.supervision.gateway.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedBearerTokensTest {

    private static long inSeconds(long seconds) {
        return System.currentTimeMillis() / 1000 + seconds;
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(Duration.ofMinutes(1), 10);
        tokens.remember("valid", "zhang.san", inSeconds(600));
        tokens.remember("expired", "li.si", inSeconds(-1));

        assertThat(tokens.subjectOf("valid")).isEqualTo("zhang.san");
        assertThat(tokens.subjectOf("expired")).isNull();
        assertThat(tokens.subjectOf("never verified")).isNull();
    }

    @Test
    void aZeroLifetimeVerifiesEveryRequest() {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(Duration.ZERO, 10);
        tokens.remember("valid", "zhang.san", inSeconds(600));

        assertThat(tokens.subjectOf("valid")).isNull();
    }

    @Test
    void whenFullItKeepsWhatItHasRatherThanGrowing() {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(Duration.ofMinutes(1), 2);
        tokens.remember("a", "a", inSeconds(600));
        tokens.remember("b", "b", inSeconds(600));
        tokens.remember("c", "c", inSeconds(600));

        assertThat(tokens.subjectOf("a")).isEqualTo("a");
        assertThat(tokens.subjectOf("b")).isEqualTo("b");
        assertThat(tokens.subjectOf("c")).isNull();
    }
}
