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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "listPlans", summary = "Plans, newest year first; year filters")
    public PageView<PlanView> list(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return plans.list(year, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPlan", summary = "A plan")
    @APIResponse(responseCode = "200", description = "The plan", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), plans.get(id));
    }

    @POST
    @RolesAllowed(Permissions.TASKS_WRITE)
    @Operation(operationId = "createPlan", summary = "Create a plan")
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response create(@NotNull @Valid PlanRequest request, @Context UriInfo uriInfo) {
        PlanView plan = plans.create(request);
        return withETag(Response.created(uriInfo.getAbsolutePathBuilder().path(plan.id().toString()).build()), plan);
    }

    @PUT
    @RolesAllowed(Permissions.TASKS_WRITE)
    @Path("/{id}")
    @Operation(operationId = "updatePlan", summary = "Replace a plan's fields; needs If-Match")
    @APIResponse(responseCode = "200", description = "The changed plan", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid PlanRequest request) {
        return withETag(Response.ok(), plans.update(id, EntityTags.requiredVersion(ifMatch), request));
    }

    @DELETE
    @RolesAllowed(Permissions.TASKS_WRITE)
    @Path("/{id}")
    @Operation(operationId = "deletePlan", summary = "Delete a plan that has no task (409 otherwise)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        plans.delete(id, EntityTags.optionalVersion(ifMatch));
        return Response.noContent().build();
    }

    private static Response withETag(Response.ResponseBuilder response, PlanView plan) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(plan.version())).entity(plan).build();
    }
}
