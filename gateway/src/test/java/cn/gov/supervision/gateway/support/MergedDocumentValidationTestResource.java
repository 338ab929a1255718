package cn.gov.supervision.gateway.support;

import cn.gov.supervision.testkit.contract.ContractValidationFilter;
import cn.gov.supervision.testkit.contract.ContractValidationTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Holds every test exchange through the gateway, in front of the real services, to the merged document the gateway
 * serves at /q/openapi: the document other systems generate their clients from. Read at the first exchange, since
 * it exists only once the gateway and the services behind it run.
 */
public class MergedDocumentValidationTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        ContractValidationTestResource.install(
                new ContractValidationFilter(MergedDocumentValidationTestResource::servedDocument,
                        "the gateway's merged document (/q/openapi)"));
        return Map.of();
    }

    @Override
    public void stop() {
        ContractValidationTestResource.uninstall();
    }

    private static String servedDocument() {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/q/openapi?format=json");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("The gateway answered " + response.statusCode() + " for " + uri);
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
