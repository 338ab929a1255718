package cn.gov.supervision.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

import java.util.Optional;
import java.util.Properties;

/**
 * How every Kafka client of a service reaches the broker: address and security. The keys are Kafka's own under
 * {@code kafka.}, the same quarkus-kafka-client's health check reads, so environment variables such as
 * {@code KAFKA_SECURITY_PROTOCOL} or {@code KAFKA_SASL_JAAS_CONFIG} set them for the relay, the consumers and the
 * health check alike. Every client the kit makes starts from {@link #clientProperties()}; none sets these itself.
 */
@ConfigMapping(prefix = "kafka")
public interface KafkaConnectionConfig {

    @WithName("bootstrap.servers")
    @WithDefault("localhost:9092")
    String bootstrapServers();

    /** PLAINTEXT (local stack, tests), SSL, SASL_PLAINTEXT or SASL_SSL (production). */
    @WithName("security.protocol")
    @WithDefault("PLAINTEXT")
    String securityProtocol();

    /** SCRAM-SHA-512 with Strimzi's KafkaUser, PLAIN, OAUTHBEARER… */
    @WithName("sasl.mechanism")
    Optional<String> saslMechanism();

    /** The login module line with the service's credentials; from a secret, never from the repository. */
    @WithName("sasl.jaas.config")
    Optional<String> saslJaasConfig();

    /** The CA that signed the brokers' certificates (PKCS12 or PEM, see the type). */
    @WithName("ssl.truststore.location")
    Optional<String> sslTruststoreLocation();

    @WithName("ssl.truststore.password")
    Optional<String> sslTruststorePassword();

    @WithName("ssl.truststore.type")
    Optional<String> sslTruststoreType();

    /** The service's own certificate, where the brokers authenticate clients by TLS (Strimzi's tls users). */
    @WithName("ssl.keystore.location")
    Optional<String> sslKeystoreLocation();

    @WithName("ssl.keystore.password")
    Optional<String> sslKeystorePassword();

    @WithName("ssl.keystore.type")
    Optional<String> sslKeystoreType();

    /** Kafka checks the broker's host name by default ("https"); an empty value turns that off, never in production. */
    @WithName("ssl.endpoint.identification.algorithm")
    Optional<String> sslEndpointIdentificationAlgorithm();

    /** Address and security for a new producer, consumer or admin client; callers add only their own settings. */
    default Properties clientProperties() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol());
        saslMechanism().ifPresent(value -> props.put(SaslConfigs.SASL_MECHANISM, value));
        saslJaasConfig().ifPresent(value -> props.put(SaslConfigs.SASL_JAAS_CONFIG, value));
        sslTruststoreLocation().ifPresent(value -> props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, value));
        sslTruststorePassword().ifPresent(value -> props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, value));
        sslTruststoreType().ifPresent(value -> props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, value));
        sslKeystoreLocation().ifPresent(value -> props.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, value));
        sslKeystorePassword().ifPresent(value -> props.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, value));
        sslKeystoreType().ifPresent(value -> props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, value));
        sslEndpointIdentificationAlgorithm().ifPresent(
                value -> props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, value));
        return props;
    }
}
