package cn.gov.supervision.gateway.proxy;

import cn.gov.supervision.gateway.problem.GatewayProblem;
import cn.gov.supervision.kit.web.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The outermost stage of every exchange with a service: runs it through the service's circuit and turns any failure
 * into a problem that names the service (503 unavailable, 504 timeout, 502 broken exchange). Without it the proxy
 * would answer a bare 502. Failures the client caused (an oversized body, going away) are answered without counting
 * against the service.
 */
final class ExchangeGuard implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ExchangeGuard.class);
    private static final String CLIENT_FAULT = "gateway.client-fault";

    private final Upstream upstream;

    ExchangeGuard(Upstream upstream) {
        this.upstream = upstream;
    }

    /** Lets an inner stage say that the exchange is about to fail because of the client, and how to tell it. */
    static void blameClient(ProxyContext context, GatewayProblem problem) {
        context.set(CLIENT_FAULT, problem);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return upstream.circuit().call(() -> context.sendRequest()
                        .recover(failure -> clientFault(context)
                                .map(problem -> Future.succeededFuture(problemResponse(context, problem)))
                                .orElseGet(() -> Future.failedFuture(failure))))
                .recover(failure -> {
                    GatewayProblem problem = UpstreamFailure.describe(upstream, failure);
                    if (!UpstreamFailure.circuitOpen(failure)) {
                        LOG.warnf("%s %s → %d: %s (%s)", context.request().getMethod(), context.request().getURI(),
                                problem.status(), problem.detail(), failure.toString());
                    }
                    ProxyResponse response = problemResponse(context, problem);
                    if (UpstreamFailure.circuitOpen(failure)) {
                        response.putHeader("Retry-After", Long.toString(upstream.circuit().secondsUntilTrial()));
                    }
                    return Future.succeededFuture(response);
                });
    }

    private static Optional<GatewayProblem> clientFault(ProxyContext context) {
        GatewayProblem blamed = context.get(CLIENT_FAULT, GatewayProblem.class);
        if (blamed != null) {
            return Optional.of(blamed);
        }
        if (context.request().proxiedRequest().response().closed()) {
            // nobody will read this answer; it only keeps the failure off the service's record
            return Optional.of(GatewayProblem.of(499, "client-closed", "Client Closed Request",
                    "The client went away before the service answered"));
        }
        return Optional.empty();
    }

    private static ProxyResponse problemResponse(ProxyContext context, GatewayProblem problem) {
        HttpServerRequest client = context.request().proxiedRequest();
        ProxyResponse response = context.request().release().response()
                .setStatusCode(problem.status())
                .setBody(Body.body(problem.body(client.path(), client.getHeader(RequestIds.HEADER))));
        problem.headers().forEach(response::putHeader);
        return response;
    }
}
