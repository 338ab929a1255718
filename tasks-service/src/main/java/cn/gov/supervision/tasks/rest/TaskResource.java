package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.kit.web.EntityTags;
import cn.gov.supervision.kit.web.PageView;
import cn.gov.supervision.tasks.api.CalendarSubscription;
import cn.gov.supervision.tasks.api.CreateTaskRequest;
import cn.gov.supervision.tasks.api.ProgressView;
import cn.gov.supervision.tasks.api.TaskChangeView;
import cn.gov.supervision.tasks.api.TaskFilter;
import cn.gov.supervision.tasks.api.TaskPatch;
import cn.gov.supervision.tasks.api.TaskView;
import cn.gov.supervision.tasks.domain.AssignmentRole;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.Light;
import cn.gov.supervision.tasks.domain.TaskCategory;
import cn.gov.supervision.tasks.service.CalendarFeed;
import cn.gov.supervision.tasks.service.TaskService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tasks", description = "Key tasks, their assignments and history")
@RolesAllowed(Permissions.TASKS_READ)
public class TaskResource {

    private final TaskService tasks;
    private final CalendarFeed calendarFeed;

    public TaskResource(TaskService tasks, CalendarFeed calendarFeed) {
        this.tasks = tasks;
        this.calendarFeed = calendarFeed;
    }

    @GET
    @Operation(operationId = "listTasks", summary = "Search tasks; unitId matches through group membership, q matches title and description in "
            + "simplified or traditional characters; sort e.g. dueDate,asc")
    public PageView<TaskView> search(@QueryParam("planId") UUID planId,
                                     @QueryParam("unitId") UUID unitId,
                                     @QueryParam("role") AssignmentRole role,
                                     @QueryParam("status") AssignmentStatus status,
                                     @QueryParam("category") TaskCategory category,
                                     @QueryParam("light") Light light,
                                     @QueryParam("dueFrom") LocalDate dueFrom,
                                     @QueryParam("dueTo") LocalDate dueTo,
                                     @QueryParam("overdue") Boolean overdue,
                                     @QueryParam("q") @Size(max = 100) String q,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                     @QueryParam("sort") String sort) {
        if (role != null && unitId == null) {
            throw ProblemException.invalidField("role", "only filters together with unitId");
        }
        return tasks.search(new TaskFilter(planId, unitId, role, status, category, light, dueFrom, dueTo, overdue, q),
                TaskSort.parse(sort), page, size);
    }

    @POST
    @RolesAllowed(Permissions.TASKS_WRITE)
    @Operation(operationId = "createTask", summary = "Create a task in a plan, with one assignment per responsible unit")
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "422", description = "The plan or a responsible unit does not exist")
    public Response create(@NotNull @Valid CreateTaskRequest request, @Context UriInfo uriInfo) {
        TaskView task = tasks.create(request);
        return TaskResponses.withETag(Response.created(
                uriInfo.getAbsolutePathBuilder().path(task.id().toString()).build()), task);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTask", summary = "A task with its assignments")
    @APIResponse(responseCode = "200", description = "The task", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return tasks.get(id).map(task -> TaskResponses.withETag(Response.ok(), task));
    }

    @PATCH
    @RolesAllowed(Permissions.TASKS_WRITE)
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change some fields of a task; needs If-Match. Changing units keeps the assignments of units "
            + "that stay responsible; changing the deadline moves every assignment without an approved extension",
            operationId = "updateTask")
    @APIResponse(responseCode = "200", description = "The changed task", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "422", description = "A responsible unit does not exist")
    public Response patch(@PathParam("id") UUID id,
                          @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull @Valid TaskPatch patch) {
        return TaskResponses.withETag(Response.ok(), tasks.patch(id, EntityTags.requiredVersion(ifMatch), patch));
    }

    @DELETE
    @RolesAllowed(Permissions.TASKS_WRITE)
    @Path("/{id}")
    @Operation(operationId = "deleteTask", summary = "Delete a task; If-Match is checked when sent")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        tasks.delete(id, EntityTags.optionalVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getTaskHistory", summary = "The task's changes, oldest first, a page at a time: who, "
            + "when, what, old → new; a unit-bound caller sees the task's own changes and those of the units it sees "
            + "in full")
    public PageView<TaskChangeView> history(@PathParam("id") UUID id,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return tasks.history(id, page, size);
    }

    @GET
    @Path("/{id}/progress")
    @Operation(operationId = "getTaskProgress", summary = "The progress reports of the task's units, oldest first, a "
            + "page at a time; a unit-bound caller sees those of the units it sees in full")
    public PageView<ProgressView> progress(@PathParam("id") UUID id,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return tasks.progress(id, page, size);
    }

    @GET
    @Path("/calendar.ics")
    @Produces("text/calendar")
    @Operation(operationId = "getUnitCalendar",
            summary = "iCalendar feed of a unit's open, dated assignments, with reminder alarms; a unit user's "
            + "own unit when unitId is left out")
    @APIResponse(responseCode = "200", description = "The feed (RFC 5545)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such unit")
    public Response calendar(@QueryParam("unitId") UUID unitId) {
        return calendarResponse(calendarFeed.forUnit(unitId));
    }

    @GET
    @Path("/calendar-subscription")
    @Operation(operationId = "getCalendarSubscription", summary = "A link for calendar apps, which cannot send a token: it is signed for the unit "
            + "(a unit user's own when unitId is left out)")
    @APIResponse(responseCode = "200", description = "The signed link",
            content = @Content(schema = @Schema(implementation = CalendarSubscription.class)))
    @APIResponse(responseCode = "404", description = "No such unit")
    public CalendarSubscription calendarSubscription(@QueryParam("unitId") UUID unitId) {
        return calendarFeed.subscription(unitId);
    }

    @GET
    @Path("/calendar/{unitId}.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(operationId = "getSubscribedCalendar",
            summary = "The iCalendar feed behind a subscription link; the signature is its credential")
    @APIResponse(responseCode = "200", description = "The feed (RFC 5545)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "The signature does not match the unit and link version")
    @APIResponse(responseCode = "410", description = "The unit's links were revoked since this one was issued")
    @SecurityRequirementsSet // no credential: the link's signature is checked instead
    public Response subscribedCalendar(@PathParam("unitId") UUID unitId,
                                       @Parameter(description = "The unit's link version the link was issued with")
                                       @QueryParam("v") String linkVersion,
                                       @QueryParam("sig") String signature) {
        return calendarResponse(calendarFeed.subscribed(unitId, linkVersion, signature));
    }

    private static Response calendarResponse(CalendarFeed.Feed feed) {
        return Response.ok(feed.text(), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"tasks-" + feed.unitId() + ".ics\"")
                .build();
    }
}
