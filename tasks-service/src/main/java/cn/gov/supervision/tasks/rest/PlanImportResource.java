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
    @Operation(summary = "Import a published work plan (UTF-8 text); dryRun=true shows what would be stored")
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
    @Operation(summary = "Import a published work plan uploaded as the multipart part 'file'")
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
