package cn.gov.supervision.gateway.health;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.proxy.Replica;
import cn.gov.supervision.gateway.proxy.Upstream;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks every replica of a service for its own readiness (/q/health/ready), concurrently and with a time limit. The
 * findings count replicas and never name them: health is open to anyone, and replica addresses and connection errors
 * map the internal network. Which replica failed and why goes to the log (DEBUG) for operators.
 */
@ApplicationScoped
public class UpstreamProbe {

    /** What was found: how many replicas are ready; reachable when at least one is. */
    public record Findings(int ready, int replicas) {

        public boolean reachable() {
            return ready > 0;
        }

        /** "2 of 3", for health data. */
        public String readyOfAll() {
            return ready + " of " + replicas;
        }
    }

    private static final Logger LOG = Logger.getLogger(UpstreamProbe.class);

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
            int ready = 0;
            for (int i = 0; i < replicas.size(); i++) {
                Future<String> replica = replicas.get(i);
                if (replica.succeeded()) {
                    ready++;
                } else {
                    LOG.debugf("%s replica %s is not ready: %s", upstream.serviceName(),
                            upstream.replicas().get(i).origin(), replica.cause().getMessage());
                }
            }
            return Future.succeededFuture(new Findings(ready, replicas.size()));
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
