package cn.gov.supervision.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The real units-service beside the service under test (see {@link NeighbourServices}). Init argument
 * {@code database}: the name of its database.
 */
public class UnitsServiceTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "units_neighbour_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    public static ServiceProcess unitsService(String database) {
        return NeighbourServices.units(database);
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
