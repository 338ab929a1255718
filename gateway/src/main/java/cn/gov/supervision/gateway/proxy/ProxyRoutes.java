package cn.gov.supervision.gateway.proxy;

import cn.gov.supervision.gateway.edge.BodyLimits;
import cn.gov.supervision.gateway.edge.EdgeOrder;
import cn.gov.supervision.gateway.problem.GatewayProblem;
import cn.gov.supervision.gateway.rest.ApiKeyResource;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Mounts one Vert.x reverse proxy per service on Quarkus' router, under the service's path prefixes. Requests get
 * here only after the edge stages (request id, CORS, size, authentication, rate limit).
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    void mount(@Observes Router router, Upstreams upstreams, BodyLimits limits) {
        for (Upstream upstream : upstreams.all()) {
            // the proxy's own client would only serve WebSockets (off); ReplicaConnector takes the event loop's pool
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), upstream.client())
                    .origin(new ReplicaConnector(upstream))
                    // first added runs first on the way out and last on the way back
                    .addInterceptor(new ExchangeGuard(upstream))
                    .addInterceptor(new ForwardingHeaders(upstream))
                    .addInterceptor(new RequestBodyGuard(upstream, limits));
            Handler<RoutingContext> forward = context -> proxy.handle(context.request());
            for (String prefix : upstream.paths()) {
                router.route(prefix).order(EdgeOrder.PROXY).handler(forward);
                router.route(prefix + "/*").order(EdgeOrder.PROXY).handler(forward);
            }
            LOG.infof("%s at %s serves %s", upstream.serviceName(), upstream.replicas(), upstream.paths());
        }
        router.route("/api/*").order(EdgeOrder.NOT_ROUTED).handler(context -> {
            if (isOwnPath(context.normalizedPath())) {
                context.next(); // the gateway's own endpoints, served by Quarkus REST further down
                return;
            }
            GatewayProblem.of(404, "not-found", "Not Found",
                    "No service behind the gateway serves " + context.normalizedPath()).send(context);
        });
    }

    private static boolean isOwnPath(String path) {
        return path.equals(ApiKeyResource.PATH) || path.startsWith(ApiKeyResource.PATH + "/");
    }
}
