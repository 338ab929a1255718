package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.kit.web.EntityTags;
import cn.gov.supervision.kit.web.PageView;
import cn.gov.supervision.tasks.api.PlanRequest;
import cn.gov.supervision.tasks.api.PlanView;
import cn.gov.supervision.tasks.service.PlanService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plans", description = "Yearly work plans")
@RolesAllowed(Permissions.TASKS_READ)
public class PlanResource {

    private final PlanService plans;

    public PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @GET
    public PageView<PlanView> list(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return plans.list(year, page, size);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), plans.get(id));
    }

    @POST
    @RolesAllowed(Permissions.TASKS_WRITE)
    public Response create(@NotNull @Valid PlanRequest request, @Context UriInfo uriInfo) {
        PlanView plan = plans.create(request);
        return withETag(Response.created(uriInfo.getAbsolutePathBuilder().path(plan.id().toString()).build()), plan);
    }

    @PUT
    @RolesAllowed(Permissions.TASKS_WRITE)
    @Path("/{id}")
    @Operation(summary = "Replace a plan's fields; needs If-Match")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid PlanRequest request) {
        return withETag(Response.ok(), plans.update(id, EntityTags.requiredVersion(ifMatch), request));
    }

    @DELETE
    @RolesAllowed(Permissions.TASKS_WRITE)
    @Path("/{id}")
    @Operation(summary = "Delete a plan that has no task (409 otherwise)")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        plans.delete(id, EntityTags.optionalVersion(ifMatch));
        return Response.noContent().build();
    }

    private static Response withETag(Response.ResponseBuilder response, PlanView plan) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(plan.version())).entity(plan).build();
    }
}
