package cn.gov.supervision.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The broker address every Kafka client of a service shares (the same key quarkus-kafka-client's health check reads). */
@ConfigMapping(prefix = "kafka")
public interface KafkaConnectionConfig {

    @WithName("bootstrap.servers")
    @WithDefault("localhost:9092")
    String bootstrapServers();
}
