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
        List<Filter> others = withoutValidation();
        others.add(new ContractValidationFilter(document));
        RestAssured.replaceFiltersWith(others);
        return Map.of();
    }

    @Override
    public void stop() {
        RestAssured.replaceFiltersWith(withoutValidation());
    }

    private static List<Filter> withoutValidation() {
        List<Filter> others = new ArrayList<>(RestAssured.filters());
        others.removeIf(ContractValidationFilter.class::isInstance);
        return others;
    }
}
