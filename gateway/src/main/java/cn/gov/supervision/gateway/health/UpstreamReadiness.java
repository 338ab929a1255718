package cn.gov.supervision.gateway.health;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.proxy.Upstream;
import cn.gov.supervision.gateway.proxy.Upstreams;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per service ("upstream units-service", …) reporting how many of its replicas are ready and the
 * state of the service's circuit (no addresses: see {@link UpstreamProbe}). By default a service that is down is reported (reachable=false) without making
 * the gateway itself not ready: the gateway still serves everything else and answers a prompt 503 problem for that
 * service, whereas a load balancer that pulled every gateway instance would turn one outage into a total one.
 * gateway.health.upstreams-required-for-readiness=true gives the strict behaviour; the health group "upstreams"
 * ({@link UpstreamsHealthGroup}) always reports the services' true state, for monitoring.
 */
@ApplicationScoped
public class UpstreamReadiness {

    private final Upstreams upstreams;
    private final UpstreamProbe probe;
    private final boolean upstreamsRequired;

    public UpstreamReadiness(Upstreams upstreams, UpstreamProbe probe, GatewayConfig config) {
        this.upstreams = upstreams;
        this.probe = probe;
        this.upstreamsRequired = config.health().upstreamsRequiredForReadiness();
    }

    void register(@Observes StartupEvent ignored, @Readiness HealthRegistry readiness) {
        for (Upstream upstream : upstreams.all()) {
            readiness.register("upstream " + upstream.serviceName(), () -> check(upstream));
        }
    }

    private Uni<HealthCheckResponse> check(Upstream upstream) {
        return Uni.createFrom().completionStage(() -> probe.probe(upstream).map(findings -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstream " + upstream.serviceName())
                    .status(findings.reachable() || !upstreamsRequired)
                    .withData("reachable", findings.reachable())
                    .withData("circuit", upstream.circuit().state().name())
                    .withData("replicasReady", findings.readyOfAll());
            return response.build();
        }).toCompletionStage());
    }
}
