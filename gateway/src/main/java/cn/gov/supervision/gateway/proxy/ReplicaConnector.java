package cn.gov.supervision.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * Picks the replica for a request, round-robin, and opens the request to it. A replica that cannot be connected to
 * is skipped for the next one: nothing has been sent yet, so this is safe for every method, and one dead replica
 * costs a connection attempt instead of a failed request.
 */
final class ReplicaConnector implements OriginRequestProvider {

    /** Attachment of the proxy context: the opened request, so later stages can arm its timeout. */
    static final String ORIGIN_REQUEST = "gateway.origin-request";

    private final Upstream upstream;

    ReplicaConnector(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return connect(context, upstream.nextReplicaIndex(), upstream.replicas().size());
    }

    private Future<HttpClientRequest> connect(ProxyContext context, int index, int attemptsLeft) {
        Replica replica = upstream.replicas().get(index);
        // method and URI are the proxy's to set; the response timeout starts once the body is sent (RequestBodyGuard)
        return upstream.client().request(new RequestOptions()
                        .setHost(replica.host()).setPort(replica.port()).setSsl(replica.ssl()))
                .onSuccess(request -> {
                    context.set(ORIGIN_REQUEST, request);
                    // a failed exchange reaches ExchangeGuard through the response; without a handler Vert.x would
                    // also log every reset (a refused oversized body, a timeout) as an error
                    request.exceptionHandler(ignored -> {
                    });
                })
                .recover(failure -> attemptsLeft > 1 && unreachable(failure)
                        ? connect(context, (index + 1) % upstream.replicas().size(), attemptsLeft - 1)
                        : Future.failedFuture(failure));
    }

    private static boolean unreachable(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof UnknownHostException;
    }
}
