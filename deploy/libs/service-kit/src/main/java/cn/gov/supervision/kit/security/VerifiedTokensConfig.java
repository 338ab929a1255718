package cn.gov.supervision.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long and how many verified bearer tokens a service (or the gateway) remembers; see {@link VerifiedTokens}. */
@ConfigMapping(prefix = "verified-tokens")
public interface VerifiedTokensConfig {

    /**
     * How long a token that passed verification is remembered (never past its own expiry). 0 verifies every request.
     * Short, so that a change of the trusted key takes effect within it.
     */
    @WithDefault("60s")
    Duration ttl();

    /** At most this many tokens are remembered; beyond that the least used are dropped. */
    @WithDefault("10000")
    int maxSize();
}
