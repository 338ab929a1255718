package cn.gov.supervision.gateway.proxy;

import cn.gov.supervision.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;

/** The configured services, each with its own connection pools so that one slow service cannot starve the others. */
@ApplicationScoped
public class Upstreams {

    private final List<Upstream> upstreams;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        this.upstreams = config.upstreams().values().stream()
                .map(upstream -> new Upstream(upstream, new EventLoopClients(vertx,
                        new HttpClientOptions()
                                .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                                .setKeepAlive(true)
                                // bodies pass through as the service encoded them
                                .setDecompressionSupported(false),
                        new PoolOptions().setHttp1MaxSize(upstream.maxConnections()))))
                .sorted(Comparator.comparing(Upstream::serviceName))
                .toList();
    }

    public List<Upstream> all() {
        return upstreams;
    }

    @PreDestroy
    void close() {
        upstreams.forEach(Upstream::close);
    }
}
