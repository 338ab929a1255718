package cn.gov.supervision.gateway.rest;

import cn.gov.supervision.gateway.openapi.DocumentFormat;
import cn.gov.supervision.gateway.openapi.MergedApiDocument;
import cn.gov.supervision.gateway.proxy.ExternalOrigin;
import cn.gov.supervision.kit.problem.ProblemException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The one OpenAPI document of the platform, at the path where Quarkus services serve theirs (and where Swagger UI
 * looks). The gateway has no SmallRye OpenAPI of its own, so nothing else claims this path.
 */
@Path("/q/openapi")
@PermitAll
public class MergedOpenApiResource {

    private final MergedApiDocument document;

    public MergedOpenApiResource(MergedApiDocument document) {
        this.document = document;
    }

    @GET
    public Uni<Response> get(@QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                             @Context HttpServerRequest request) {
        DocumentFormat chosen = DocumentFormat.choose(format, accept);
        ExternalOrigin origin = ExternalOrigin.of(request);
        return Uni.createFrom().completionStage(document::current).map(merged -> {
            if (merged.path("paths").isEmpty()) {
                throw new ProblemException(503, "upstream-unavailable", "Service Unavailable",
                        "No service's OpenAPI document could be fetched; try again shortly", null);
            }
            ObjectNode forClient = merged.deepCopy();
            forClient.putArray("servers").addObject()
                    .put("url", origin.baseUrl())
                    .put("description", "This gateway, as you reached it");
            return Response.ok(chosen.write(forClient), chosen.mediaType())
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .build();
        });
    }
}
