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
}
