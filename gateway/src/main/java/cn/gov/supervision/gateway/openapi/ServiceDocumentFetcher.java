package cn.gov.supervision.gateway.openapi;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.proxy.Replica;
import cn.gov.supervision.gateway.proxy.Upstream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;

/** Fetches a service's own OpenAPI document (JSON) from its first replica that answers. */
@ApplicationScoped
public class ServiceDocumentFetcher {

    private final ObjectMapper json;
    private final Duration timeout;

    public ServiceDocumentFetcher(ObjectMapper json, GatewayConfig config) {
        this.json = json;
        this.timeout = config.openapi().fetchTimeout();
    }

    public Future<ServiceApiDocument> fetch(Upstream upstream) {
        return fetchFrom(upstream, 0);
    }

    private Future<ServiceApiDocument> fetchFrom(Upstream upstream, int replicaIndex) {
        Replica replica = upstream.replicas().get(replicaIndex);
        return upstream.client().request(replica.request(HttpMethod.GET, "/q/openapi?format=json", timeout)
                        .putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture(upstream.serviceName() + " answered " + response.statusCode()
                        + " for its OpenAPI document"))
                .map(body -> new ServiceApiDocument(upstream.serviceName(), upstream.paths(), parse(body.getBytes())))
                .recover(failure -> replicaIndex + 1 < upstream.replicas().size()
                        ? fetchFrom(upstream, replicaIndex + 1) : Future.failedFuture(failure));
    }

    private ObjectNode parse(byte[] body) {
        try {
            JsonNode document = json.readTree(body);
            if (!(document instanceof ObjectNode object) || !document.has("openapi")) {
                throw new IllegalStateException("not an OpenAPI document");
            }
            return object;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable OpenAPI document: " + e.getMessage(), e);
        }
    }
}
