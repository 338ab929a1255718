package cn.gov.supervision.gateway.edge;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.problem.GatewayProblem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses overlong request lines with a 414 problem. The HTTP decoder's own limit answers a bare 414 before any route
 * runs (Vert.x offers Quarkus applications no hook there), so it is set far above this one
 * ({@code quarkus.http.limits.max-initial-line-length}) and only stops lines no client writes by mistake.
 */
@ApplicationScoped
public class RequestLineLimit implements EdgeStage {

    private static final int VERSION_AND_SPACES = " HTTP/1.1".length() + 1;

    private final int maxLength;

    public RequestLineLimit(GatewayConfig config) {
        this.maxLength = config.maxRequestLineLength();
    }

    @Override
    public int order() {
        return EdgeOrder.REQUEST_LINE;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        int length = request.method().name().length() + request.uri().length() + VERSION_AND_SPACES;
        if (length <= maxLength) {
            context.next();
            return;
        }
        GatewayProblem.of(414, "uri-too-long", "URI Too Long", "The request line has " + length
                + " characters; at most " + maxLength + " are accepted")
                .send(context);
    }
}
