package cn.gov.supervision.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway can be told; each group is overridable by environment (GATEWAY_UPSTREAMS_UNITS_URL, …). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by short name (units, tasks, notifications). */
    Map<String, UpstreamConfig> upstreams();

    /**
     * The proxies in front of the gateway (the TLS terminator, a load balancer) as IP addresses or CIDR blocks. Only a
     * request whose TCP peer is one of them may tell the client's address (X-Forwarded-For), host and scheme
     * (X-Forwarded-Host/-Proto); from any other peer these headers are dropped. Empty: nobody is trusted.
     */
    Optional<List<String>> trustedProxies();

    /** The longest request line (method, target, version) answered with more than a 414 problem. */
    @WithDefault("4096")
    int maxRequestLineLength();

    RateLimitConfig rateLimit();

    BodyLimitsConfig bodyLimits();

    SecurityHeadersConfig securityHeaders();

    OpenApiConfig openapi();

    HealthConfig health();

    AuthConfig auth();

    interface UpstreamConfig {

        /** The name clients see in problems, docs and health (units-service). */
        String serviceName();

        /** Base URLs of the service's replicas, comma-separated; requests go round-robin. */
        List<String> url();

        /** Path prefixes routed to this service, exactly as clients call them (/api/v1/units). */
        List<String> paths();

        /** How long to wait for a TCP connection before trying the next replica or answering 503. */
        @WithDefault("2s")
        Duration connectTimeout();

        /**
         * How long the service may stay silent once the request is sent (for the response headers, then between
         * chunks of the body) before the gateway answers 504. Uploads are not timed: the clock starts when the
         * client's body has been forwarded, so a slow client sending a large import is not cut off.
         */
        @WithDefault("30s")
        Duration timeout();

        /** Open connections per replica and event loop; requests beyond that wait in the pool's queue. */
        @WithDefault("64")
        int maxConnections();

        CircuitBreakerConfig circuitBreaker();
    }

    /** When to stop sending requests to a failing service, so that clients get a prompt 503 instead of waiting. */
    interface CircuitBreakerConfig {

        /** Size of the rolling window of recent requests that is judged. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failures (connection refused, timeouts, broken exchanges) in the window that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before one trial request is let through. */
        @WithDefault("10s")
        Duration delay();

        /** Successful trial requests needed to close it again. */
        @WithDefault("1")
        int successThreshold();
    }

    /** A token bucket per client: the verified caller (person or API key), else the remote address. */
    interface RateLimitConfig {

        @WithDefault("true")
        boolean enabled();

        /** Requests a client may send in a burst. */
        @WithDefault("200")
        long capacity();

        /** Tokens added per {@link #refillPeriod()}; the sustained rate. */
        @WithDefault("100")
        long refillTokens();

        @WithDefault("1s")
        Duration refillPeriod();

        /** Buckets of clients that have been quiet this long are forgotten (a full bucket is the same as none). */
        @WithDefault("10m")
        Duration idleEviction();
    }

    interface BodyLimitsConfig {

        /** The largest request body accepted on a route without its own limit. */
        @WithDefault("1M")
        MemorySize defaultMaxSize();

        /** Routes that accept more (or less) than the default, such as document imports. */
        List<RouteBodyLimit> routes();

        /**
         * A refused body up to this size is still read (and thrown away) so that the client, which is usually still
         * sending, gets to read the 413; a larger one is cut off by closing the connection.
         */
        @WithDefault("64M")
        MemorySize drainMaxSize();
    }

    interface RouteBodyLimit {

        String method();

        /** The exact path as clients call it. */
        String path();

        MemorySize maxSize();
    }

    interface SecurityHeadersConfig {

        @WithDefault("DENY")
        String frameOptions();

        @WithDefault("frame-ancestors 'none'")
        String contentSecurityPolicy();

        @WithDefault("no-referrer")
        String referrerPolicy();

        /**
         * Strict-Transport-Security, e.g. {@code max-age=31536000; includeSubDomains}. Unset by default because TLS
         * ends in front of the gateway; set it where the gateway is only ever reached over HTTPS.
         */
        Optional<String> strictTransportSecurity();
    }

    interface OpenApiConfig {

        /** How long the merged document is reused before the services' documents are fetched again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long to wait for one service's document. */
        @WithDefault("5s")
        Duration fetchTimeout();

        @WithDefault("督查督办 API")
        String title();

        @WithDefault("1.0.0")
        String version();
    }

    interface HealthConfig {

        /** How long one readiness probe of a service may take before it counts as unreachable. */
        @WithDefault("2s")
        Duration probeTimeout();

        /**
         * Whether a service that is down makes the gateway itself not ready. Off by default: the gateway still
         * serves the other services and answers a prompt 503 for the missing one, whereas a load balancer that took
         * every gateway out would turn one service's outage into a total one.
         */
        @WithDefault("false")
        boolean upstreamsRequiredForReadiness();
    }

    /** API keys at the edge: how they are exchanged for tokens the services verify. */
    interface AuthConfig {

        /**
         * Lifetime of the token minted for an API key (never beyond the key's own expiry). It only travels from the
         * gateway to a service, so it can be short; the gateway reuses it until shortly before it expires.
         */
        @WithDefault("5m")
        Duration tokenLifetime();

        /**
         * How long a key looked up in the database is trusted without asking again. A key revoked through another
         * replica is refused here at the latest this long after; through this replica, at once.
         */
        @WithDefault("10s")
        Duration keyCacheTtl();

        /** At most this many keys (known or not) are remembered; beyond that the stale ones are dropped. */
        @WithDefault("10000")
        int keyCacheMaxSize();

        /**
         * Unknown, revoked or expired API keys an address may present in a burst before the gateway stops looking
         * keys up for it (429 with Retry-After), so that guessing keys costs the guesser time, not our database.
         */
        @WithDefault("20")
        long refusedKeyBurst();

        /** One more refused key is allowed per this period once the burst is spent. */
        @WithDefault("3s")
        Duration refusedKeyRefill();

        /** The {@code kid} of minted tokens, for services that verify against a JWKS holding several keys. */
        @WithDefault("gateway")
        String signingKeyId();
    }
}
