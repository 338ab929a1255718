package cn.gov.supervision.testkit.contract;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Installs {@link ContractValidationFilter} with the module's stored document for every rest-assured request of the
 * test run. Named on each service's test resources class, so the wiring is in sight of the tests.
 */
public class ContractValidationTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        if (ApiDocuments.updating()) {
            return Map.of(); // the stored document is being rewritten from the served one: nothing to hold to yet
        }
        String document;
        try {
            document = Files.readString(ApiDocuments.STORED);
        } catch (IOException e) {
            throw new UncheckedIOException("No stored OpenAPI document at " + ApiDocuments.STORED.toAbsolutePath(), e);
        }
        install(new ContractValidationFilter(document));
        return Map.of();
    }

    @Override
    public void stop() {
        uninstall();
    }

    /** Makes this filter the one that checks every rest-assured exchange, in place of any installed before. */
    public static void install(ContractValidationFilter filter) {
        List<Filter> others = withoutValidation();
        others.add(filter);
        RestAssured.replaceFiltersWith(others);
    }

    public static void uninstall() {
        RestAssured.replaceFiltersWith(withoutValidation());
    }

    private static List<Filter> withoutValidation() {
        List<Filter> others = new ArrayList<>(RestAssured.filters());
        others.removeIf(ContractValidationFilter.class::isInstance);
        return others;
    }
}
