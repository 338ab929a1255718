package cn.gov.supervision.gateway.openapi;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.proxy.Upstream;
import cn.gov.supervision.gateway.proxy.Upstreams;
import cn.gov.supervision.gateway.rest.ApiKeyResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merged document, rebuilt from the services' documents at most once per cache lifetime, so that a redeployed
 * service shows its new operations within seconds without redeploying the gateway. Concurrent readers share one
 * rebuild. A service that cannot be reached contributes its last document seen (its API rarely changes while it is
 * restarting); one never seen yet is left out and named in the description, and such a partial document is only kept
 * briefly.
 */
@ApplicationScoped
public class MergedApiDocument {

    private static final Logger LOG = Logger.getLogger(MergedApiDocument.class);
    private static final Duration PARTIAL_TTL = Duration.ofSeconds(5);

    private final Upstreams upstreams;
    private final ServiceDocumentFetcher fetcher;
    private final ApiDocumentMerger merger;
    private final Duration ttl;
    private final Map<String, ServiceApiDocument> lastSeen = new ConcurrentHashMap<>();
    /** The gateway's own operations (API keys), merged like a service's under the tag "gateway". */
    private final ServiceApiDocument own = ownDocument();

    private Cached cached;
    private CompletableFuture<ObjectNode> rebuilding;

    private record Cached(ObjectNode document, long expiresAt) {
    }

    public MergedApiDocument(Upstreams upstreams, ServiceDocumentFetcher fetcher, GatewayConfig config) {
        this.upstreams = upstreams;
        this.fetcher = fetcher;
        this.merger = new ApiDocumentMerger(config.openapi().title(), config.openapi().version());
        this.ttl = config.openapi().cacheTtl();
    }

    /** The current merged document; callers must not modify it (copy it to add request-specific parts). */
    public synchronized CompletionStage<ObjectNode> current() {
        if (cached != null && System.nanoTime() < cached.expiresAt()) {
            return CompletableFuture.completedFuture(cached.document());
        }
        if (rebuilding == null) {
            CompletableFuture<ObjectNode> rebuild = new CompletableFuture<>();
            rebuilding = rebuild;
            rebuild().onComplete(result -> {
                synchronized (this) {
                    rebuilding = null;
                }
                if (result.succeeded()) {
                    rebuild.complete(result.result());
                } else {
                    rebuild.completeExceptionally(result.cause());
                }
            });
        }
        return rebuilding;
    }

    private Future<ObjectNode> rebuild() {
        List<Future<Fetched>> fetches = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            fetches.add(fetcher.fetch(upstream)
                    .map(document -> {
                        lastSeen.put(upstream.serviceName(), document);
                        return new Fetched(upstream.serviceName(), document, true);
                    })
                    .recover(failure -> {
                        LOG.warnf("No OpenAPI document from %s: %s", upstream.serviceName(), failure.getMessage());
                        return Future.succeededFuture(
                                new Fetched(upstream.serviceName(), lastSeen.get(upstream.serviceName()), false));
                    }));
        }
        return Future.all(fetches).map(ignored -> {
            List<ServiceApiDocument> documents = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            boolean allFresh = true;
            for (Future<Fetched> fetch : fetches) {
                Fetched fetched = fetch.result();
                allFresh &= fetched.fresh();
                if (fetched.document() == null) {
                    missing.add(fetched.serviceName());
                } else {
                    documents.add(fetched.document());
                }
            }
            if (!documents.isEmpty()) { // with no service at all, the document is unavailable (503), not just keys
                documents.add(own);
            }
            ObjectNode merged = merger.merge(documents, missing);
            Duration lifetime = allFresh || PARTIAL_TTL.compareTo(ttl) > 0 ? ttl : PARTIAL_TTL;
            synchronized (this) {
                cached = new Cached(merged, System.nanoTime() + lifetime.toNanos());
            }
            return merged;
        });
    }

    private record Fetched(String serviceName, ServiceApiDocument document, boolean fresh) {
    }

    private static ServiceApiDocument ownDocument() {
        try (InputStream in = MergedApiDocument.class.getResourceAsStream("/openapi/gateway.json")) {
            return new ServiceApiDocument(ServiceApiDocument.GATEWAY, List.of(ApiKeyResource.PATH), (ObjectNode) new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway's own OpenAPI document is part of its jar", e);
        }
    }
}
