package cn.gov.supervision.notifications.rest;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.kit.web.PageView;
import cn.gov.supervision.notifications.api.NotificationView;
import cn.gov.supervision.notifications.api.PolicyData;
import cn.gov.supervision.notifications.api.PreviewEntry;
import cn.gov.supervision.notifications.api.RunRequest;
import cn.gov.supervision.notifications.api.RunResult;
import cn.gov.supervision.notifications.api.WebhookRequest;
import cn.gov.supervision.notifications.api.WebhookView;
import cn.gov.supervision.notifications.api.WeeklyRunResult;
import cn.gov.supervision.notifications.service.AckLinks;
import cn.gov.supervision.notifications.service.FreshLinks;
import cn.gov.supervision.notifications.service.NotificationFeed;
import cn.gov.supervision.notifications.service.NotificationRun;
import cn.gov.supervision.notifications.service.PolicyService;
import cn.gov.supervision.notifications.service.WebhookService;
import cn.gov.supervision.notifications.service.WeeklyReportRun;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "notifications", description = "Reminder digests: feed, acknowledgement, runs, policy, webhooks")
@RolesAllowed(Permissions.NOTIFICATIONS_READ)
public class NotificationResource {

    /**
     * Ids are UUIDs: so written, {id} can never be "webhooks", and /webhooks/{id} and /{id}/ack no longer both match
     * a path such as /webhooks/ack, for our router or any other that reads the pattern from the document.
     */
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final NotificationFeed feed;
    private final NotificationRun run;
    private final PolicyService policies;
    private final WebhookService webhooks;
    private final AcknowledgementPages pages;
    private final WeeklyReportRun weeklyReports;
    private final FreshLinks freshLinks;

    public NotificationResource(NotificationFeed feed, NotificationRun run, PolicyService policies,
                                WebhookService webhooks, AcknowledgementPages pages, WeeklyReportRun weeklyReports,
                                FreshLinks freshLinks) {
        this.feed = feed;
        this.run = run;
        this.policies = policies;
        this.webhooks = webhooks;
        this.pages = pages;
        this.weeklyReports = weeklyReports;
        this.freshLinks = freshLinks;
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "The in-app feed: digests, newest day first (a unit's caller: its own unit's only)")
    public PageView<NotificationView> list(@QueryParam("unitId") UUID unitId, @QueryParam("unread") Boolean unread,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return feed.list(unitId, unread, page, size);
    }

    @GET
    @Path("/{id: " + UUID_PATTERN + "}")
    @Operation(operationId = "getNotification", summary = "One digest with its items and deliveries")
    public NotificationView get(@PathParam("id") UUID id) {
        return feed.get(id);
    }

    @RolesAllowed(Permissions.NOTIFICATIONS_ACK)
    @POST
    @Path("/{id: " + UUID_PATTERN + "}/ack")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "acknowledgeNotification",
            summary = "签收: the unit confirms it has seen the digest; the first time is kept")
    public NotificationView acknowledge(@PathParam("id") UUID id) {
        return feed.acknowledge(id);
    }

    /**
     * Opened from a mail client, without a bearer token: the link's own signature is what authorizes it. Shows the
     * digest and a 签收 button; opening it acknowledges nothing (mail scanners fetch links too).
     */
    @PermitAll
    @GET
    @Path("/{id: " + UUID_PATTERN + "}/ack")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showAcknowledgementPage",
            summary = "The page the acknowledgement link in e-mails opens: the digest and a 签收 button (signed link; "
                    + "no bearer token needed; acknowledges nothing)")
    @APIResponse(responseCode = "200", description = "The digest, with a 签收 form or the time it was acknowledged",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "A page saying the link is not valid (incomplete or altered)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "410", description = "A page saying the link expired or the unit's links were revoked",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @SecurityRequirementsSet // no credential: the link's signature is checked instead
    public Response acknowledgementPage(@PathParam("id") UUID id,
                                        @Parameter(description = "The unit's link version") @QueryParam("v") String version,
                                        @Parameter(description = "Expiry, seconds since 1970") @QueryParam("exp") String expires,
                                        @Parameter(description = "The link's signature") @QueryParam("token") String token,
                                        @Parameter(description = "Which page of the digest's items, from 1")
                                        @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100_000) int page) {
        AckLinks.PresentedLink link = new AckLinks.PresentedLink(version, expires, token);
        return pages.render(id, feed.openByLink(id, link), link, page);
    }

    /** The 签收 button on that page: a form POST carrying the link's signed parts. */
    @PermitAll
    @POST
    @Path("/{id: " + UUID_PATTERN + "}/ack/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "acknowledgeNotificationByLink",
            summary = "签收 from the page the e-mail link opens (signed link; no bearer token needed); the first time is kept")
    @APIResponse(responseCode = "200", description = "The page again, saying when the digest was acknowledged",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "A page saying the link is not valid (incomplete or altered)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "410", description = "A page saying the link expired or the unit's links were revoked",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @SecurityRequirementsSet // no credential: the link's signature is checked instead
    public Response acknowledgeByLink(@PathParam("id") UUID id, @FormParam("v") String version,
                                      @FormParam("exp") String expires, @FormParam("token") String token) {
        AckLinks.PresentedLink link = new AckLinks.PresentedLink(version, expires, token);
        return pages.render(id, feed.acknowledgeByLink(id, link), link, 1);
    }

    /**
     * "Send me a fresh link", offered by the page an expired link opens: mails the digest again, with a new link, to
     * the unit's registered contacts (never to an address from the request), a few times a day at most.
     */
    @PermitAll
    @POST
    @Path("/{id: " + UUID_PATTERN + "}/ack/fresh-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "requestFreshAcknowledgementLink",
            summary = "Mail a fresh link for a digest whose link expired, to the unit's registered contacts (signed, "
                    + "expired link; no bearer token needed; a few per digest and unit a day)")
    @APIResponse(responseCode = "202", description = "A page saying a fresh link was mailed to the unit's contacts",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "A page saying the link is not valid (incomplete or altered)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "A page saying the link still works (nothing is mailed)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "410", description = "A page saying the unit's links were revoked",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "A page saying enough fresh links were sent today",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @SecurityRequirementsSet // no credential: the link's signature is checked instead
    public Response requestFreshLink(@PathParam("id") UUID id, @FormParam("v") String version,
                                     @FormParam("exp") String expires, @FormParam("token") String token) {
        return pages.freshLink(freshLinks.request(id, new AckLinks.PresentedLink(version, expires, token)));
    }

    @GET
    @Path("/preview")
    @Operation(operationId = "previewNotifications", summary = "Who would be told what on a day, and which rule fired for each item; sends nothing "
            + "(not for a unit's caller: it shows every unit)")
    public List<PreviewEntry> preview(@QueryParam("date") LocalDate date) {
        if (date == null) {
            throw ProblemException.invalidField("date", "is required (YYYY-MM-DD)");
        }
        return feed.preview(date);
    }

    @RolesAllowed(Permissions.NOTIFICATIONS_WRITE)
    @POST
    @Path("/runs")
    @Operation(operationId = "runNotifications", summary = "Run the daily job as of a date (admin); idempotent, for backfill and tests")
    public RunResult runFor(@NotNull @Valid RunRequest request) {
        return run.run(request.date());
    }

    @RolesAllowed(Permissions.NOTIFICATIONS_WRITE)
    @POST
    @Path("/weekly-reports/runs")
    @Operation(operationId = "runWeeklyReport", summary = "Run the supervising office's weekly report (督办周报) as of a "
            + "date (admin); once per week, a second run in the same week sends nothing; the scheduler runs it on the "
            + "week's report day")
    public WeeklyRunResult runWeeklyReport(@NotNull @Valid RunRequest request) {
        return weeklyReports.run(request.date());
    }

    @GET
    @Path("/policy")
    @Operation(operationId = "getReminderPolicy", summary = "The reminder policy in force")
    public PolicyData policy() {
        return PolicyData.of(policies.current());
    }

    @RolesAllowed(Permissions.NOTIFICATIONS_WRITE)
    @PUT
    @Path("/policy")
    @Operation(operationId = "replaceReminderPolicy", summary = "Replace the reminder policy (admin)")
    public PolicyData replacePolicy(@NotNull @Valid PolicyData policy) {
        return PolicyData.of(policies.replace(policy));
    }

    // webhooks hold target URLs and signing secrets: reading them is as sensitive as changing them
    @RolesAllowed(Permissions.NOTIFICATIONS_WRITE)
    @POST
    @Path("/webhooks")
    @Operation(operationId = "createWebhook",
            summary = "Register a webhook for a unit's digests (or every unit's when unitId is null)")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "422",
            description = "The unit is not known, or the URL may not be used (webhook-target-refused: https only, and only to public addresses)")
    public Response registerWebhook(@NotNull @Valid WebhookRequest request, @Context UriInfo uriInfo) {
        WebhookView webhook = webhooks.register(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(webhook.id().toString()).build())
                .entity(webhook).build();
    }

    @RolesAllowed(Permissions.NOTIFICATIONS_WRITE)
    @GET
    @Path("/webhooks")
    @Operation(operationId = "listWebhooks", summary = "Every registered webhook (admin)")
    public Map<String, List<WebhookView>> webhooks() {
        return Map.of("items", webhooks.list());
    }

    @RolesAllowed(Permissions.NOTIFICATIONS_WRITE)
    @DELETE
    @Path("/webhooks/{id: " + UUID_PATTERN + "}")
    @Operation(operationId = "deleteWebhook", summary = "Stop sending digests to a webhook (admin)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeWebhook(@PathParam("id") UUID id) {
        webhooks.remove(id);
        return Response.noContent().build();
    }
}
