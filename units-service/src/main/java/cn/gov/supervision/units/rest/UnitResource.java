package cn.gov.supervision.units.rest;

import cn.gov.supervision.kit.web.EntityTags;
import cn.gov.supervision.kit.web.PageView;
import cn.gov.supervision.units.api.AliasRequest;
import cn.gov.supervision.units.api.ContactChangeView;
import cn.gov.supervision.units.api.ContactsRequest;
import cn.gov.supervision.units.api.CreateUnitRequest;
import cn.gov.supervision.units.api.LinkRevocationView;
import cn.gov.supervision.units.api.MembersView;
import cn.gov.supervision.units.api.Resolution;
import cn.gov.supervision.units.api.ResolveRequest;
import cn.gov.supervision.units.api.UnitView;
import cn.gov.supervision.units.api.UpdateUnitRequest;
import cn.gov.supervision.units.domain.UnitKind;
import cn.gov.supervision.units.service.UnitNameResolver;
import cn.gov.supervision.units.service.UnitService;
import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "units", description = "The registry of responsible units")
@RolesAllowed(Permissions.UNITS_READ)
public class UnitResource {

    private final UnitService service;
    private final UnitNameResolver resolver;

    public UnitResource(UnitService service, UnitNameResolver resolver) {
        this.service = service;
        this.resolver = resolver;
    }

    @GET
    @Operation(operationId = "listUnits",
            summary = "List units; q matches names and aliases in simplified or traditional characters")
    public PageView<UnitView> list(@QueryParam("q") @Size(max = 100) String q,
                                   @QueryParam("kind") UnitKind kind,
                                   @QueryParam("active") Boolean active,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.search(q, kind, active, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getUnit", summary = "A unit with its names, groups and contacts")
    @APIResponse(responseCode = "200", description = "The unit", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), service.get(id));
    }

    @RolesAllowed(Permissions.UNITS_WRITE)
    @POST
    @Operation(operationId = "createUnit", summary = "Register a unit")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "422", description = "The parent or a member is not a known unit")
    public Response create(@NotNull @Valid CreateUnitRequest request, @Context UriInfo uriInfo) {
        UnitView created = service.create(request);
        return withETag(Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()),
                created);
    }

    @RolesAllowed(Permissions.UNITS_WRITE)
    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateUnit", summary = "Replace a unit's definition; needs If-Match with the unit's ETag")
    @APIResponse(responseCode = "200", description = "The changed unit", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "422", description = "The parent or a member is not a known unit")
    public Response update(@PathParam("id") UUID id,
                           @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid UpdateUnitRequest request) {
        return withETag(Response.ok(), service.update(id, EntityTags.requiredVersion(ifMatch), request));
    }

    @RolesAllowed(Permissions.UNITS_WRITE)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deactivateUnit", summary = "Deactivate a unit; it stays resolvable for history")
    @APIResponse(responseCode = "200", description = "The deactivated unit",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response deactivate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(Response.ok(), service.deactivate(id, EntityTags.optionalVersion(ifMatch)));
    }

    @GET
    @Path("/{id}/members")
    @Operation(operationId = "listUnitMembers", summary = "The units a group stands for, expanded through nested groups")
    @APIResponse(responseCode = "200", description = "The group's members",
            content = @Content(schema = @Schema(implementation = MembersView.class)))
    @APIResponse(responseCode = "409", description = "The unit is not a group")
    public MembersView members(@PathParam("id") UUID id) {
        return service.members(id);
    }

    @POST
    @Path("/resolve")
    @Operation(operationId = "resolveUnitNames", summary = "Resolve unit names as written in documents (traditional characters, spaces, bracketed aliases)")
    public Map<String, List<Resolution>> resolve(@NotNull @Valid ResolveRequest request) {
        return Map.of("results", resolver.resolveAll(request.names()));
    }

    @POST
    @Path("/republish")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "republishUnits",
            summary = "Publish every unit's current state again (admin; recovery after a broker lost its data)")
    @APIResponse(responseCode = "202", description = "How many units were queued for publication",
            content = @Content(schema = @Schema(implementation = Map.class)))
    public Response republish() {
        return Response.accepted(Map.of("republished", service.republishAll())).build();
    }

    @RolesAllowed(Permissions.UNITS_WRITE)
    @PUT
    @Path("/{id}/contacts")
    @Operation(operationId = "replaceUnitContacts", summary = "Replace a unit's contacts, keeping a handover record")
    @APIResponse(responseCode = "200", description = "The unit with its new contacts",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response replaceContacts(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @NotNull @Valid ContactsRequest request) {
        return withETag(Response.ok(),
                service.replaceContacts(id, EntityTags.optionalVersion(ifMatch), request.contacts()));
    }

    @RolesAllowed(Permissions.UNITS_WRITE)
    @POST
    @Path("/{id}/aliases")
    @Operation(operationId = "addUnitAlias", summary = "Remember another name of the unit, such as a spelling a "
            + "document used; adding a name the unit already answers to changes nothing")
    @APIResponse(responseCode = "200", description = "The unit with its names",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "Another active unit answers to the name, or the unit has 20 aliases")
    public Response addAlias(@PathParam("id") UUID id, @NotNull @Valid AliasRequest request) {
        return withETag(Response.ok(), service.addAlias(id, request.alias()));
    }

    @GET
    @Path("/{id}/contacts/history")
    @Operation(operationId = "listContactHandovers", summary = "Every past replacement of the unit's contacts, oldest first")
    public Map<String, List<ContactChangeView>> contactHistory(@PathParam("id") UUID id) {
        return Map.of("items", service.contactHistory(id));
    }

    @POST
    @Path("/{id}/link-revocations")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "revokeUnitLinks", summary = "Revoke every signed link issued for the unit so far "
            + "(calendar subscriptions, acknowledgement links in mails): its link version goes up by one (admin)")
    @APIResponse(responseCode = "201", description = "Revoked; links are issued with the new linkVersion from now on",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = LinkRevocationView.class)))
    public Response revokeLinks(@PathParam("id") UUID id, @Context UriInfo uriInfo) {
        LinkRevocationView revocation = service.revokeLinks(id);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(revocation.id().toString()).build())
                .entity(revocation).build();
    }

    @GET
    @Path("/{id}/link-revocations")
    @Operation(operationId = "listUnitLinkRevocations", summary = "Every revocation of the unit's signed links, oldest first")
    public Map<String, List<LinkRevocationView>> linkRevocations(@PathParam("id") UUID id) {
        return Map.of("items", service.linkRevocations(id));
    }

    private static Response withETag(Response.ResponseBuilder response, UnitView unit) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(unit.version())).entity(unit).build();
    }
}
