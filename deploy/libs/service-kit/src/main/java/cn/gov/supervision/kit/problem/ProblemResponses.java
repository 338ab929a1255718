package cn.gov.supervision.kit.problem;

import cn.gov.supervision.kit.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** Builds problem+json responses for the REST layer; see {@link ProblemJson} for the wire form. */
@ApplicationScoped
public class ProblemResponses {

    public Response build(int status, String type, String title, String detail, List<Problem.FieldError> errors,
                          UriInfo uriInfo) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem problem = Problem.of(status, type, title, detail, instance, errors, RequestIds.current());
        return Response.status(status)
                .type(ProblemJson.CONTENT_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, ProblemJson.CACHE_CONTROL)
                .entity(ProblemJson.write(problem))
                .build();
    }

    /** The answer to a failure nobody foresaw: a 500 problem, and a bug to fix. */
    public Response unexpected(UriInfo uriInfo) {
        return build(500, "internal-error", "Internal Server Error",
                "An unexpected error occurred; quote the request id when reporting it", List.of(), uriInfo);
    }

    /** Seconds a client should wait before retrying while the database is away: a restart or failover takes that. */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * The database cannot be reached, or is shutting down or starting up: a 503 to retry (readiness reports the service
     * DOWN meanwhile), not a 500. A write whose commit failed this way may or may not have been committed.
     */
    public Response databaseUnavailable(UriInfo uriInfo) {
        return Response.fromResponse(build(503, "database-unavailable", "Service Unavailable",
                        "The database cannot be reached right now; retry later", List.of(), uriInfo))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
