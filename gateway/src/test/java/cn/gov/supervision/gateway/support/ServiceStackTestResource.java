package cn.gov.supervision.gateway.support;

import cn.gov.supervision.testkit.KafkaTestResource;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.ServiceProcess;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The three services really running behind the gateway under test: their built jars, each with a test database of
 * its own (emptied at start), the test Kafka broker and the test key pair to trust, started once per test JVM and in parallel. The gateway's
 * upstream URLs are pointed at them.
 */
public class ServiceStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess units;
    private static ServiceProcess tasks;
    private static ServiceProcess notifications;

    public static synchronized void startServices() {
        if (units != null) {
            return;
        }
        String kafka = KafkaTestResource.sharedBroker().bootstrapServers();
        ServiceProcess unitsService = service("units-service", "units_for_gateway_test", kafka);
        ServiceProcess tasksService = service("tasks-service", "tasks_for_gateway_test", kafka);
        ServiceProcess notificationsService = service("notifications-service", "notifications_for_gateway_test", kafka);
        CompletableFuture.allOf(List.of(unitsService, tasksService, notificationsService).stream()
                .map(process -> CompletableFuture.runAsync(process::start))
                .toArray(CompletableFuture[]::new)).join();
        units = unitsService;
        tasks = tasksService;
        notifications = notificationsService;
    }

    private static ServiceProcess service(String module, String database, String kafka) {
        PostgresTestResource.ensureDatabase(database);
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", PostgresTestResource.jdbcUrl(database),
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "OUTBOX_POLL_INTERVAL", "200ms",
                "OUTBOX_MAX_BACKOFF", "2s"));
        // they trust the test key pair: the test's own tokens, and the ones the gateway mints for API keys
        environment.putAll(TestTokens.environment());
        return new ServiceProcess(module, environment);
    }

    public static ServiceProcess units() {
        return units;
    }

    public static ServiceProcess tasks() {
        return tasks;
    }

    public static ServiceProcess notifications() {
        return notifications;
    }

    @Override
    public Map<String, String> start() {
        startServices();
        return Map.of(
                "gateway.upstreams.units.url", units.baseUrl(),
                "gateway.upstreams.tasks.url", tasks.baseUrl(),
                "gateway.upstreams.notifications.url", notifications.baseUrl());
    }

    @Override
    public void stop() {
        // shared by every application start of this JVM; each process is stopped by its shutdown hook
    }
}
