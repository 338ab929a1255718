package cn.gov.supervision.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points the service under test at a real Kafka broker that this test JVM starts (once, on the first free port from
 * {@code test.kafka.port}, default 19092) and stops when it exits. Owning the broker lets tests stop and restart it
 * to show that no event is lost while it is away.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final int FIRST_PORT = Integer.getInteger("test.kafka.port", 19092);

    private static KafkaBroker sharedBroker;

    public static synchronized KafkaBroker sharedBroker() {
        if (sharedBroker == null) {
            int port = FIRST_PORT;
            while (KafkaBroker.isReachable("127.0.0.1", port) || KafkaBroker.isReachable("127.0.0.1", port + 1)) {
                port += 2; // another module's test JVM (or a developer's broker) has it
            }
            KafkaBroker broker = KafkaBroker.fresh(port, port + 1);
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-test-kafka"));
            sharedBroker = broker;
        }
        return sharedBroker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", sharedBroker().bootstrapServers());
    }

    @Override
    public void stop() {
        // the shared broker outlives one application start; the shutdown hook stops it
    }
}
