package cn.gov.supervision.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The real units-service for tests of the services that depend on it: started once per test JVM, with a database of
 * its own (emptied at start) and the test broker, so its reference units reach the service under test through
 * units.events exactly as in production. Init argument {@code database}: the name of that database.
 */
public class UnitsServiceTestResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess units;

    private String database = "units_neighbour_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    public static synchronized ServiceProcess unitsService(String database) {
        if (units == null) {
            PostgresTestResource.ensureDatabase(database);
            ServiceProcess process = new ServiceProcess("units-service", Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", PostgresTestResource.jdbcUrl(database),
                    "QUARKUS_FLYWAY_CLEAN_AT_START", "true",
                    "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                    "KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.sharedBroker().bootstrapServers(),
                    "OUTBOX_POLL_INTERVAL", "200ms",
                    "OUTBOX_MAX_BACKOFF", "2s"));
            process.start();
            units = process;
        }
        return units;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("units-service.url", unitsService(database).baseUrl());
    }

    @Override
    public void stop() {
        // shared by every application start of this JVM; stopped by its shutdown hook
    }
}
