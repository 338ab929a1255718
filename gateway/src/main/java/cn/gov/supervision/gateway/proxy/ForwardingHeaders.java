package cn.gov.supervision.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import java.util.List;

/**
 * What a service needs to know about the original request, and what the client must not see of the service:
 * X-Forwarded-For/-Proto/-Host go up (X-Request-Id is already in the headers, see RequestCorrelation); Location
 * headers that point at the service come back pointing at the gateway. Each hop's own headers stay on its hop.
 */
final class ForwardingHeaders implements ProxyInterceptor {

    private static final String EXTERNAL_ORIGIN = "gateway.external-origin";

    /** Headers about one connection, not the message (RFC 9110 7.6.1); the proxy strips them only on the way up. */
    private static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "Trailer", "Upgrade");

    private final Upstream upstream;

    ForwardingHeaders(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        ExternalOrigin origin = ExternalOrigin.of(client);
        context.set(EXTERNAL_ORIGIN, origin);

        MultiMap headers = request.headers();
        String forwardedFor = headers.get("X-Forwarded-For");
        String clientAddress = client.remoteAddress().hostAddress();
        headers.set("X-Forwarded-For", forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
        headers.set("X-Forwarded-Proto", origin.scheme());
        headers.set("X-Forwarded-Host", origin.authority());

        // the client is waiting for leave to send its body: give it here, now that the edge has let the request
        // through, rather than making the client wait for the service's own 100 Continue (which never reaches it)
        if (headers.contains(HttpHeaders.EXPECT)) {
            headers.remove(HttpHeaders.EXPECT);
            client.response().writeContinue();
        }

        // the router chose the service by the normalized path (dot segments resolved); send that same path, so the
        // service cannot be reached under a path that the gateway would have routed elsewhere
        String query = client.query();
        request.setURI(HttpUtils.normalizePath(client.path()) + (query == null ? "" : "?" + query));
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        String connectionOptions = headers.get("Connection");
        HOP_BY_HOP.forEach(headers::remove);
        if (connectionOptions != null) {
            for (String named : connectionOptions.split(",")) {
                headers.remove(named.strip());
            }
        }
        ExternalOrigin origin = context.get(EXTERNAL_ORIGIN, ExternalOrigin.class);
        if (origin != null) {
            rewrite(context.response(), "Location", origin);
            rewrite(context.response(), "Content-Location", origin);
        }
        return context.sendResponse();
    }

    private void rewrite(ProxyResponse response, String header, ExternalOrigin origin) {
        String value = response.headers().get(header);
        if (value == null) {
            return;
        }
        for (Replica replica : upstream.replicas()) {
            for (String serviceOrigin : new String[]{replica.origin(), replica.originWithoutDefaultPort()}) {
                if (value.regionMatches(true, 0, serviceOrigin, 0, serviceOrigin.length())
                        && (value.length() == serviceOrigin.length() || value.charAt(serviceOrigin.length()) == '/')) {
                    response.headers().set(header, origin.baseUrl() + value.substring(serviceOrigin.length()));
                    return;
                }
            }
        }
    }
}
