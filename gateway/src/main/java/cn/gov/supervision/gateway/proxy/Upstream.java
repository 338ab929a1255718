package cn.gov.supervision.gateway.proxy;

import cn.gov.supervision.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A service behind the gateway at run time: its replicas, the connection pool to them and its circuit. */
public final class Upstream {

    private final String serviceName;
    private final List<Replica> replicas;
    private final List<String> paths;
    private final Duration timeout;
    private final EventLoopClients clients;
    private final UpstreamCircuit circuit;
    private final AtomicInteger nextReplica = new AtomicInteger();

    Upstream(GatewayConfig.UpstreamConfig config, EventLoopClients clients) {
        this.serviceName = config.serviceName();
        this.replicas = config.url().stream().filter(url -> !url.isBlank()).map(Replica::parse).toList();
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException(serviceName + " needs at least one URL");
        }
        this.paths = List.copyOf(config.paths());
        this.timeout = config.timeout();
        this.clients = clients;
        this.circuit = new UpstreamCircuit(serviceName, config.circuitBreaker());
    }

    public String serviceName() {
        return serviceName;
    }

    public List<Replica> replicas() {
        return replicas;
    }

    /** The path prefixes routed here, as clients call them. */
    public List<String> paths() {
        return paths;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The connection pool to use from the calling thread (one per event loop, see EventLoopClients). */
    public HttpClient client() {
        return clients.current();
    }

    void close() {
        clients.close();
    }

    public UpstreamCircuit circuit() {
        return circuit;
    }

    /** Index of the replica to try first for the next request; round-robin. */
    int nextReplicaIndex() {
        return Math.floorMod(nextReplica.getAndIncrement(), replicas.size());
    }
}
