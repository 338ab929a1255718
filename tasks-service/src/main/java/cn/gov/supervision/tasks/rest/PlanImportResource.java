package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.tasks.api.ImportResult;
import cn.gov.supervision.tasks.importer.PlanImporter;
import cn.gov.supervision.tasks.importer.files.PublishedDocuments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

@Path("/api/v1/plans/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plans", description = "Yearly work plans")
@RolesAllowed(Permissions.TASKS_WRITE)
public class PlanImportResource {

    private final PlanImporter importer;
    private final PublishedDocuments documents;

    public PlanImportResource(PlanImporter importer, PublishedDocuments documents) {
        this.importer = importer;
        this.documents = documents;
    }

    /** The media types of a plan as published; the others listed are refused with a 415 that names these. */
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, "application/xhtml+xml", DOCX, XLSX, "application/pdf",
            MediaType.APPLICATION_OCTET_STREAM, "application/msword", "application/vnd.ms-works",
            "application/vnd.ms-excel"})
    @Operation(operationId = "importPlan", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A dry run, or a replaced plan: what was (or would be) stored",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "201", description = "A new plan with its tasks",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "409", description = "This document was imported before (replace=true updates it)")
    @APIResponse(responseCode = "413", description = LIMITS)
    @APIResponse(responseCode = "415", description = "Not a type the importer reads (.doc, .wps, .xls, images, …)")
    @APIResponse(responseCode = "422", description = UNREADABLE)
    public Response importBody(byte[] body,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String mediaType,
                               @Valid @BeanParam ImportOptionsParams options,
                               @Context UriInfo uriInfo) {
        return run(documents.text(body, mediaType, null), options.toOptions(), uriInfo);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    // the same answers as importBody: SmallRye merges both methods into one operation, and an unannotated one would
    // put its default "200 OK" over the documented answers; the operationId is given once, on importBody, as two
    // methods naming the same one is reported as a duplicate
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A dry run, or a replaced plan: what was (or would be) stored",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "201", description = "A new plan with its tasks",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "409", description = "This document was imported before (replace=true updates it)")
    @APIResponse(responseCode = "413", description = LIMITS)
    @APIResponse(responseCode = "415", description = "Not a type the importer reads (.doc, .wps, .xls, images, …)")
    @APIResponse(responseCode = "422", description = UNREADABLE)
    public Response importFile(@RestForm("file") FileUpload file,
                               @Valid @BeanParam ImportOptionsParams options,
                               @Context UriInfo uriInfo) {
        if (file == null) {
            throw ProblemException.invalidField("file", "the multipart part 'file' with the document is required");
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run(documents.text(body, file.contentType(), file.fileName()), options.toOptions(), uriInfo);
    }

    private Response run(String document, PlanImporter.Options options, UriInfo uriInfo) {
        PlanImporter.Outcome outcome = importer.importDocument(document, options);
        ImportResult result = outcome.result();
        if (!outcome.stored()) {
            return Response.ok(result).build();
        }
        var location = uriInfo.getBaseUriBuilder().path("api/v1/plans").path(result.plan().id().toString()).build();
        return (result.plan().replaced() ? Response.ok(result) : Response.created(location).entity(result))
                .header("Location", location).build();
    }

    private static final String SUMMARY = "Import a published work plan: a web page, .docx, .xlsx, text-based PDF or "
            + "UTF-8 text, as the body or as the multipart part 'file'; dryRun=true shows what would be stored";
    private static final String DESCRIPTION = "The file's type is told by its content; text/html and text/plain by "
            + "the declared media type. Tables become task rows (merged cells apply to every row they span). "
            + ".doc, .wps and .xls files are refused (415): save them as .docx or .xlsx.";
    private static final String LIMITS = "The document is larger than 20 MB, unpacks to more than 50 MB, has more "
            + "than 500 PDF pages, 200,000 table cells or 10 million characters";
    private static final String UNREADABLE = "No plan or no task could be read from the document, the file is "
            + "truncated or damaged, or the PDF is a scan without a text layer";
}
