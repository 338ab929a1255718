package cn.gov.supervision.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The gateway in front of {@link StubUpstreams}, with short timeouts and a circuit that opens quickly. */
public class StubUpstreamsProfile implements QuarkusTestProfile {

    public static final int UNITS_FAILURES_TO_OPEN = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("gateway.upstreams.notifications.timeout", "1s");
        config.put("gateway.upstreams.notifications.circuit-breaker.request-volume-threshold", "1000");
        config.put("gateway.upstreams.units.circuit-breaker.request-volume-threshold", String.valueOf(UNITS_FAILURES_TO_OPEN));
        config.put("gateway.upstreams.units.circuit-breaker.failure-ratio", "1.0");
        config.put("gateway.upstreams.units.circuit-breaker.delay", "2s");
        config.put("gateway.security-headers.strict-transport-security", "max-age=31536000; includeSubDomains");
        config.put("gateway.health.probe-timeout", "500ms");
        config.put("gateway.openapi.fetch-timeout", "500ms");
        config.put("gateway.openapi.cache-ttl", "1s");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GatewayTestResource.class),
                new TestResourceEntry(StubUpstreamsTestResource.class));
    }
}
