package cn.gov.supervision.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * Our other services, really running beside the service under test (one of each per test JVM, started on first
 * use): each with a database of its own, emptied at start, and the test broker, so events flow between them exactly
 * as in production.
 */
public final class NeighbourServices {

    private static final Map<String, ServiceProcess> RUNNING = new HashMap<>();

    private NeighbourServices() {
    }

    public static synchronized ServiceProcess units(String database) {
        return RUNNING.computeIfAbsent("units-service", module -> start(module, database, Map.of()));
    }

    /** tasks-service, with its importer talking to {@link #units} started with {@code unitsDatabase}. */
    public static synchronized ServiceProcess tasks(String database, String unitsDatabase) {
        String unitsUrl = units(unitsDatabase).baseUrl();
        return RUNNING.computeIfAbsent("tasks-service", module -> start(module, database,
                Map.of("UNITS_SERVICE_URL", unitsUrl)));
    }

    private static ServiceProcess start(String module, String database, Map<String, String> extra) {
        PostgresTestResource.ensureDatabase(database);
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", PostgresTestResource.jdbcUrl(database),
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.sharedBroker().bootstrapServers(),
                "OUTBOX_POLL_INTERVAL", "200ms",
                "OUTBOX_MAX_BACKOFF", "2s"));
        environment.putAll(TestTokens.environment());
        environment.putAll(extra);
        ServiceProcess process = new ServiceProcess(module, environment);
        process.start();
        return process;
    }
}
