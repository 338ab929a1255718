package cn.gov.supervision.gateway.security;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.edge.EdgeOrder;
import cn.gov.supervision.gateway.edge.EdgeStage;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The browser-facing hardening headers, added once at the edge for every answer (proxied, the gateway's own, and
 * refusals) instead of in each service. A service that sets its own frame or content policy for a page keeps it.
 */
@ApplicationScoped
public class SecurityHeaders implements EdgeStage {

    private final GatewayConfig.SecurityHeadersConfig config;

    public SecurityHeaders(GatewayConfig config) {
        this.config = config.securityHeaders();
    }

    @Override
    public int order() {
        return EdgeOrder.CORRELATION;
    }

    @Override
    public void handle(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> apply(context.response().headers()));
        context.next();
    }

    private void apply(MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", config.frameOptions());
        setIfAbsent(headers, "Content-Security-Policy", config.contentSecurityPolicy());
        setIfAbsent(headers, "Referrer-Policy", config.referrerPolicy());
        config.strictTransportSecurity().ifPresent(value -> headers.set("Strict-Transport-Security", value));
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
