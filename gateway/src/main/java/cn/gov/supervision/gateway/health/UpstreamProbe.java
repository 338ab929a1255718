package cn.gov.supervision.gateway.health;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.proxy.Replica;
import cn.gov.supervision.gateway.proxy.Upstream;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Asks every replica of a service for its own readiness (/q/health/ready), concurrently and with a time limit. */
@ApplicationScoped
public class UpstreamProbe {

    /** What was found: per replica "UP" or "DOWN (why)"; reachable when at least one replica is ready. */
    public record Findings(boolean reachable, Map<String, String> replicas) {
    }

    private final Duration timeout;

    public UpstreamProbe(GatewayConfig config) {
        this.timeout = config.health().probeTimeout();
    }

    public Future<Findings> probe(Upstream upstream) {
        List<Future<String>> replicas = new ArrayList<>();
        for (Replica replica : upstream.replicas()) {
            replicas.add(probe(upstream, replica));
        }
        return Future.join(replicas).transform(ignored -> {
            Map<String, String> states = new LinkedHashMap<>();
            boolean reachable = false;
            for (int i = 0; i < replicas.size(); i++) {
                Future<String> replica = replicas.get(i);
                reachable |= replica.succeeded();
                states.put(upstream.replicas().get(i).origin(),
                        replica.succeeded() ? "UP" : "DOWN (" + replica.cause().getMessage() + ")");
            }
            return Future.succeededFuture(new Findings(reachable, states));
        });
    }

    private Future<String> probe(Upstream upstream, Replica replica) {
        return upstream.client().request(replica.request(HttpMethod.GET, "/q/health/ready", timeout))
                .compose(request -> request.send())
                .compose(response -> response.body().compose(body -> response.statusCode() == 200
                        ? Future.succeededFuture("UP")
                        : Future.failedFuture("answered " + response.statusCode())));
    }
}
