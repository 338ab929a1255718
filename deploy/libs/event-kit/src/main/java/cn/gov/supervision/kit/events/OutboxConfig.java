package cn.gov.supervision.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Turns the relay off, e.g. for a read-only replica; events still accumulate in the table. */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for rows when nothing wakes it (other replicas' writes, missed wake-ups). */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

    /** Upper bound of the exponential backoff while Kafka is unreachable. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** How long one batch may wait for Kafka's acknowledgements before the attempt counts as failed. */
    @WithDefault("15s")
    Duration deliveryTimeout();

    /** How long published rows stay in the outbox (for audit and replays by hand) before they are purged. */
    @WithDefault("30d")
    Duration retention();

    /** How often the kit's tables are purged: published rows older than {@link #retention()}, and processed ids. */
    @WithDefault("1h")
    Duration purgeInterval();
}
