package cn.gov.supervision.gateway.rest;

import cn.gov.supervision.kit.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The events document (AsyncAPI 3) next to the OpenAPI one: the three topics, their messages and, under
 * {@code schemas/}, the producers' JSON Schema files its messages refer to (relative references, so a reader resolves
 * them against this address). Open like /q/openapi: what a system may consume is no secret.
 */
@Path("/q/asyncapi")
@PermitAll
public class AsyncApiResource {

    static final String DOCUMENT = "/asyncapi/asyncapi.json";
    static final String SCHEMAS = "/asyncapi/schemas/";

    @GET
    public Response document() {
        return json(DOCUMENT);
    }

    @GET
    @Path("/schemas/{file: [a-z-]+\\.schema\\.json}")
    public Response schema(@PathParam("file") String file) {
        return json(SCHEMAS + file);
    }

    private static Response json(String resource) {
        try (InputStream in = AsyncApiResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw ProblemException.notFound("event schema", resource.substring(resource.lastIndexOf('/') + 1));
            }
            return Response.ok(in.readAllBytes(), "application/json; charset=UTF-8")
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
