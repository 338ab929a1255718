package cn.gov.supervision.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "events.consumer")
public interface EventConsumerConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("500ms")
    Duration pollTimeout();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * How often a record that fails by its own fault (see {@link EventFailures}) is tried before it is parked on the
     * dead-letter topic. More than one: a constraint violation may be a race that the next attempt does not meet.
     * Failures that are not the record's fault (database or broker away) are retried without limit.
     */
    @WithDefault("5")
    int maxAttempts();

    /**
     * How long a consumer remembers the id of an event it applied (processed_event), to recognise it if Kafka
     * delivers it again; older rows are purged with the outbox's (see {@link EventTablesPurger}).
     */
    @WithDefault("30d")
    Duration processedRetention();

    /** Where this service parks the records it cannot apply; it is the only topic besides its own events it writes. */
    @WithDefault("${quarkus.application.name}.dead-letter")
    String deadLetterTopic();
}
