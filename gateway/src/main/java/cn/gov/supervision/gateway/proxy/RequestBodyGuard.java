package cn.gov.supervision.gateway.proxy;

import cn.gov.supervision.gateway.edge.BodyLimits;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Streams the client's body through {@link GuardedRequestBody}: undeclared lengths are held to the route's limit,
 * and once the whole body is with the service its answer is timed (connection level time-outs are the pool's).
 */
final class RequestBodyGuard implements ProxyInterceptor {

    private final Upstream upstream;
    private final BodyLimits limits;

    RequestBodyGuard(Upstream upstream, BodyLimits limits) {
        this.upstream = upstream;
        this.limits = limits;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        Body body = context.request().getBody();
        HttpServerRequest client = context.request().proxiedRequest();
        String path = HttpUtils.normalizePath(client.path());
        // a declared length was held to the limit before routing, and HTTP framing keeps the body to it
        long maxSize = body.length() >= 0 ? Long.MAX_VALUE : limits.maxSizeFor(client.method(), path);
        GuardedRequestBody guarded = new GuardedRequestBody(body.stream(), maxSize, limits.drainMaxSize(),
                new GuardedRequestBody.Listener() {
                    @Override
                    public void tooLarge() {
                        ExchangeGuard.blameClient(context, BodyLimits.tooLarge(client.method(), path, maxSize));
                    }

                    @Override
                    public void ended() {
                        HttpClientRequest origin = context.get(ReplicaConnector.ORIGIN_REQUEST, HttpClientRequest.class);
                        if (origin != null) {
                            origin.idleTimeout(upstream.timeout().toMillis());
                        }
                    }

                    @Override
                    public void drainExceeded() {
                        client.connection().close();
                    }
                });
        context.request().setBody(Body.body(guarded, body.length()));
        return context.sendRequest();
    }
}
