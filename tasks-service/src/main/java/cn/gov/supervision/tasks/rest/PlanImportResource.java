package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.tasks.api.ImportResult;
import cn.gov.supervision.tasks.importer.PlanImporter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

@Path("/api/v1/plans/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plans", description = "Yearly work plans")
@RolesAllowed(Permissions.TASKS_WRITE)
public class PlanImportResource {

    private final PlanImporter importer;

    public PlanImportResource(PlanImporter importer) {
        this.importer = importer;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(operationId = "importPlan", summary = "Import a published work plan, as UTF-8 text or as the multipart "
            + "part 'file'; dryRun=true shows what would be stored")
    @APIResponse(responseCode = "200", description = "A dry run, or a replaced plan: what was (or would be) stored",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "201", description = "A new plan with its tasks",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "409", description = "This document was imported before (replace=true updates it)")
    @APIResponse(responseCode = "413", description = "The document is larger than 20 MB")
    @APIResponse(responseCode = "415", description = "The body is not UTF-8 text")
    @APIResponse(responseCode = "422", description = "No plan or no task could be read from the document")
    public Response importText(byte[] body,
                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                               @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                               @QueryParam("createMissingUnits") @DefaultValue("false") boolean createMissingUnits,
                               @QueryParam("replace") @DefaultValue("false") boolean replace,
                               @Context UriInfo uriInfo) {
        return run(body, new PlanImporter.Options(dryRun, year, createMissingUnits, replace), uriInfo);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    // the same annotations as importText: SmallRye merges both methods into one operation, and an unannotated one
    // would put its default "200 OK" over the documented answers
    @Operation(operationId = "importPlan", summary = "Import a published work plan, as UTF-8 text or as the multipart "
            + "part 'file'; dryRun=true shows what would be stored")
    @APIResponse(responseCode = "200", description = "A dry run, or a replaced plan: what was (or would be) stored",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "201", description = "A new plan with its tasks",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "409", description = "This document was imported before (replace=true updates it)")
    @APIResponse(responseCode = "413", description = "The document is larger than 20 MB")
    @APIResponse(responseCode = "415", description = "The body is not UTF-8 text")
    @APIResponse(responseCode = "422", description = "No plan or no task could be read from the document")
    public Response importFile(@RestForm("file") FileUpload file,
                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                               @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                               @QueryParam("createMissingUnits") @DefaultValue("false") boolean createMissingUnits,
                               @QueryParam("replace") @DefaultValue("false") boolean replace,
                               @Context UriInfo uriInfo) {
        if (file == null) {
            throw ProblemException.invalidField("file", "the multipart part 'file' with the document is required");
        }
        try {
            return run(Files.readAllBytes(file.uploadedFile()),
                    new PlanImporter.Options(dryRun, year, createMissingUnits, replace), uriInfo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response run(byte[] body, PlanImporter.Options options, UriInfo uriInfo) {
        PlanImporter.Outcome outcome = importer.importDocument(text(body), options);
        ImportResult result = outcome.result();
        if (!outcome.stored()) {
            return Response.ok(result).build();
        }
        var location = uriInfo.getBaseUriBuilder().path("api/v1/plans").path(result.plan().id().toString()).build();
        return (result.plan().replaced() ? Response.ok(result) : Response.created(location).entity(result))
                .header("Location", location).build();
    }

    /** Only UTF-8 text is a document; a binary upload is refused before anything reads it. */
    private static String text(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("empty-document", "The request body is empty; send the plan's text");
        }
        for (byte b : body) {
            if (b == 0) {
                throw new ProblemException(415, "not-text", "Unsupported Media Type",
                        "The document is binary, not UTF-8 text", java.util.List.of());
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProblemException(415, "not-text", "Unsupported Media Type",
                    "The document is not valid UTF-8 text", java.util.List.of());
        }
    }
}
