package cn.gov.supervision.gateway.health;

import cn.gov.supervision.gateway.proxy.Upstream;
import cn.gov.supervision.gateway.proxy.Upstreams;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.List;

/** /q/health/group/upstreams: DOWN as soon as any service is unreachable, for dashboards and alerts. */
@HealthGroup("upstreams")
@ApplicationScoped
public class UpstreamsHealthGroup implements AsyncHealthCheck {

    private final Upstreams upstreams;
    private final UpstreamProbe probe;

    public UpstreamsHealthGroup(Upstreams upstreams, UpstreamProbe probe) {
        this.upstreams = upstreams;
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstream> all = upstreams.all();
        List<Future<UpstreamProbe.Findings>> probes = all.stream().map(probe::probe).toList();
        return Uni.createFrom().completionStage(() -> Future.all(probes).map(ignored -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams");
            boolean allReachable = true;
            for (int i = 0; i < all.size(); i++) {
                boolean reachable = probes.get(i).result().reachable();
                allReachable &= reachable;
                response.withData(all.get(i).serviceName(),
                        (reachable ? "UP" : "DOWN") + ", circuit " + all.get(i).circuit().state().name());
            }
            return response.status(allReachable).build();
        }).toCompletionStage());
    }
}
