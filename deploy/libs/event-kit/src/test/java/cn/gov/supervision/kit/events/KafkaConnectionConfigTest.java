package cn.gov.supervision.kit.events;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka security settings reach every client the kit makes from the environment variables a deployment sets. */
class KafkaConnectionConfigTest {

    @Test
    void productionSecurityComesFromTheEnvironment() {
        Properties client = fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "supervision-kafka-bootstrap.kafka:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"tasks-service\" password=\"s3cret\";",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "changeit",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12")).clientProperties();

        assertThat(client).containsEntry("bootstrap.servers", "supervision-kafka-bootstrap.kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"tasks-service\" password=\"s3cret\";")
                .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.p12")
                .containsEntry("ssl.truststore.password", "changeit")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .doesNotContainKeys("ssl.keystore.location", "ssl.endpoint.identification.algorithm");
    }

    @Test
    void withoutSettingsTheClientsSpeakPlaintextToTheLocalBroker() {
        assertThat(fromEnvironment(Map.of()).clientProperties())
                .containsOnly(Map.entry("bootstrap.servers", "localhost:9092"),
                        Map.entry("security.protocol", "PLAINTEXT"));
    }

    private static KafkaConnectionConfig fromEnvironment(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(KafkaConnectionConfig.class)
                .build();
        return config.getConfigMapping(KafkaConnectionConfig.class);
    }
}
