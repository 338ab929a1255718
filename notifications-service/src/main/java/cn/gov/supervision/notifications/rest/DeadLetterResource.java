package cn.gov.supervision.notifications.rest;

import cn.gov.supervision.kit.events.DeadLetter;
import cn.gov.supervision.kit.events.DeadLetterView;
import cn.gov.supervision.kit.events.DeadLetters;
import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.kit.web.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The events this service's consumers parked (event-kit's {@link DeadLetters}). Under a path of its own, routed by the
 * gateway to this service: below /api/v1/notifications it would sit among the notification ids.
 */
@Path("/api/v1/dead-letters/notifications-service")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dead letters", description = "Events this service could not apply: list, replay after the cause is fixed")
@RolesAllowed(Permissions.NOTIFICATIONS_WRITE)
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(operationId = "listNotificationsServiceDeadLetters", summary = "Parked events, newest first (state filters)")
    public PageView<DeadLetterView> list(@QueryParam("state") DeadLetter.State state,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return deadLetters.list(state, page, size);
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "replayNotificationsServiceDeadLetter",
            summary = "Applies a parked event now, after its cause was fixed; one that still fails stays parked (409)")
    @APIResponse(responseCode = "200", description = "Applied: the dead letter, now REPLAYED",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "409", description = "Not parked (already replayed or superseded), or it still fails")
    public DeadLetterView replay(@PathParam("id") UUID id) {
        return deadLetters.replay(id);
    }
}
