package cn.gov.supervision.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * The gateway in front of the real services; test classes with this profile share one application start, and every
 * exchange they have through it is held to the merged document it serves.
 */
public class ServiceStackProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GatewayTestResource.class),
                new TestResourceEntry(ServiceStackTestResource.class),
                new TestResourceEntry(MergedDocumentValidationTestResource.class));
    }
}
