package cn.gov.supervision.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The real tasks-service (and the units-service it needs) beside the service under test, so that tasks.events come
 * from real imports and workflow steps. Init arguments {@code database} and {@code unitsDatabase}.
 */
public class TasksServiceTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "tasks_neighbour_test";
    private String unitsDatabase = "units_neighbour_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        unitsDatabase = initArgs.getOrDefault("unitsDatabase", unitsDatabase);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("test.tasks-service.url", NeighbourServices.tasks(database, unitsDatabase).baseUrl(),
                "test.units-service.url", NeighbourServices.units(unitsDatabase).baseUrl());
    }

    @Override
    public void stop() {
        // shared by every application start of this JVM; stopped by its shutdown hook
    }
}
