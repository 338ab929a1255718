package cn.gov.supervision.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points the service under test at a real Kafka broker: the one at {@code test.kafka.port} (default 19092) when
 * something already listens there, otherwise a broker this JVM starts once and stops when it exits.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final int DEFAULT_PORT = Integer.getInteger("test.kafka.port", 19092);

    private static KafkaBroker sharedBroker;

    public static synchronized String sharedBootstrapServers() {
        if (KafkaBroker.isReachable("127.0.0.1", DEFAULT_PORT)) {
            return "127.0.0.1:" + DEFAULT_PORT;
        }
        if (sharedBroker == null) {
            sharedBroker = KafkaBroker.fresh(DEFAULT_PORT, DEFAULT_PORT + 1);
            sharedBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(sharedBroker::stop, "stop-test-kafka"));
        }
        return sharedBroker.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", sharedBootstrapServers());
    }

    @Override
    public void stop() {
        // the shared broker outlives one test class; the shutdown hook stops it
    }
}
