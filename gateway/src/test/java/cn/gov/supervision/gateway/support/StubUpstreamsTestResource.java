package cn.gov.supervision.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points units at a closed port, tasks at the counting stub and notifications at the hanging one. */
public class StubUpstreamsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        StubUpstreams.start();
        return Map.of(
                "gateway.upstreams.units.url", StubUpstreams.closedUrl(),
                "gateway.upstreams.tasks.url", StubUpstreams.countingUrl(),
                "gateway.upstreams.notifications.url", StubUpstreams.hangingUrl());
    }

    @Override
    public void stop() {
    }
}
