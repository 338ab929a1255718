package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.tasks.api.CompletionRequest;
import cn.gov.supervision.tasks.api.ExtensionRequest;
import cn.gov.supervision.tasks.api.ProgressRequest;
import cn.gov.supervision.tasks.api.ReasonRequest;
import cn.gov.supervision.tasks.service.AssignmentWorkflow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import cn.gov.supervision.tasks.api.TaskView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** One unit's part of a task: 进展报告, 办结申请 / 审核 / 退回, 延期申请 / 批准 / 驳回. Each answers the whole task. */
@Path("/api/v1/tasks/{taskId}/assignments/{unitId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "assignments", description = "The supervision workflow of each responsible unit's part")
public class AssignmentResource {

    private final AssignmentWorkflow workflow;

    public AssignmentResource(AssignmentWorkflow workflow) {
        this.workflow = workflow;
    }

    @POST
    @Path("/progress")
    @RolesAllowed(Permissions.TASKS_REPORT)
    @Operation(operationId = "reportProgress", summary = "Report progress (NOT_STARTED or IN_PROGRESS → IN_PROGRESS)")
    @APIResponse(responseCode = "200", description = "The whole task, with this unit's part changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response progress(@PathParam("taskId") UUID taskId, @PathParam("unitId") UUID unitId,
                             @NotNull @Valid ProgressRequest request) {
        return TaskResponses.withETag(Response.ok(), workflow.reportProgress(taskId, unitId, request));
    }

    @POST
    @Path("/completion-request")
    @RolesAllowed(Permissions.TASKS_REPORT)
    @Operation(operationId = "requestCompletion", summary = "Request completion with evidence (IN_PROGRESS → COMPLETION_REQUESTED)")
    @APIResponse(responseCode = "200", description = "The whole task, with this unit's part changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response requestCompletion(@PathParam("taskId") UUID taskId, @PathParam("unitId") UUID unitId,
                                      @NotNull @Valid CompletionRequest request) {
        return TaskResponses.withETag(Response.ok(), workflow.requestCompletion(taskId, unitId, request));
    }

    @POST
    @Path("/completion-request/approve")
    @RolesAllowed(Permissions.TASKS_REVIEW)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "approveCompletion", summary = "Approve a completion request (COMPLETION_REQUESTED → COMPLETED)")
    @APIResponse(responseCode = "200", description = "The whole task, with this unit's part changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response approveCompletion(@PathParam("taskId") UUID taskId, @PathParam("unitId") UUID unitId) {
        return TaskResponses.withETag(Response.ok(), workflow.approveCompletion(taskId, unitId));
    }

    @POST
    @Path("/completion-request/return")
    @RolesAllowed(Permissions.TASKS_REVIEW)
    @Operation(operationId = "returnCompletion", summary = "Return a completion request with a reason (COMPLETION_REQUESTED → IN_PROGRESS)")
    @APIResponse(responseCode = "200", description = "The whole task, with this unit's part changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response returnCompletion(@PathParam("taskId") UUID taskId, @PathParam("unitId") UUID unitId,
                                     @NotNull @Valid ReasonRequest request) {
        return TaskResponses.withETag(Response.ok(), workflow.returnCompletion(taskId, unitId, request.reason()));
    }

    @POST
    @Path("/extension-request")
    @RolesAllowed(Permissions.TASKS_REPORT)
    @Operation(operationId = "requestExtension", summary = "Request a later due date (NOT_STARTED or IN_PROGRESS → EXTENSION_REQUESTED)")
    @APIResponse(responseCode = "200", description = "The whole task, with this unit's part changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response requestExtension(@PathParam("taskId") UUID taskId, @PathParam("unitId") UUID unitId,
                                     @NotNull @Valid ExtensionRequest request) {
        return TaskResponses.withETag(Response.ok(), workflow.requestExtension(taskId, unitId, request));
    }

    @POST
    @Path("/extension-request/approve")
    @RolesAllowed(Permissions.TASKS_REVIEW)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "approveExtension", summary = "Approve an extension: the unit's due date changes, the old one stays in history")
    @APIResponse(responseCode = "200", description = "The whole task, with this unit's part changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response approveExtension(@PathParam("taskId") UUID taskId, @PathParam("unitId") UUID unitId) {
        return TaskResponses.withETag(Response.ok(), workflow.approveExtension(taskId, unitId));
    }

    @POST
    @Path("/extension-request/reject")
    @RolesAllowed(Permissions.TASKS_REVIEW)
    @Operation(operationId = "rejectExtension", summary = "Reject an extension with a reason; the unit goes back to where it was")
    @APIResponse(responseCode = "200", description = "The whole task, with this unit's part changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response rejectExtension(@PathParam("taskId") UUID taskId, @PathParam("unitId") UUID unitId,
                                    @NotNull @Valid ReasonRequest request) {
        return TaskResponses.withETag(Response.ok(), workflow.rejectExtension(taskId, unitId, request.reason()));
    }
}
