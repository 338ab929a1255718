package cn.gov.supervision.gateway.rest;

import cn.gov.supervision.gateway.api.ApiKeyView;
import cn.gov.supervision.gateway.api.CreateApiKeyRequest;
import cn.gov.supervision.gateway.api.CreatedApiKey;
import cn.gov.supervision.gateway.proxy.ExternalOrigin;
import cn.gov.supervision.gateway.service.ApiKeyService;
import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.kit.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * API keys for other government systems, issued and revoked by the supervising office. The gateway owns them: it
 * exchanges a key for a short-lived token at the edge (security.ApiKeyExchange), so the services never see one.
 */
@Path(ApiKeyResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

    public static final String PATH = "/api/v1/api-keys";

    private final ApiKeyService service;
    private final Caller caller;

    public ApiKeyResource(ApiKeyService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Issues a key; the answer carries its secret, which is never shown again. */
    @POST
    public Response create(@NotNull @Valid CreateApiKeyRequest request, @Context HttpServerRequest http) {
        CreatedApiKey created = service.create(request, caller.actor());
        URI location = URI.create(ExternalOrigin.of(http).baseUrl() + PATH + "/" + created.key().id());
        return Response.created(location).header("Cache-Control", "no-store").entity(created).build();
    }

    @GET
    public Map<String, List<ApiKeyView>> list() {
        return Map.of("items", service.list());
    }

    @GET
    @Path("/{id}")
    public ApiKeyView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    /** Revokes the key: refused at every replica's edge within seconds (at once on this one). */
    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response revoke(@PathParam("id") UUID id) {
        service.revoke(id);
        return Response.noContent().build();
    }
}
