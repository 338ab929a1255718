package cn.gov.supervision.kit.problem;

import cn.gov.supervision.kit.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** Builds problem+json responses; the body is serialized here so that no content negotiation can turn it into HTML. */
@ApplicationScoped
public class ProblemResponses {

    /** Relative type URIs resolve against this base, so clients can look a problem type up in the API docs. */
    static final String TYPE_BASE = "https://supervision.example.gov.cn/problems/";

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Response build(int status, String type, String title, String detail, List<Problem.FieldError> errors,
                          UriInfo uriInfo) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem problem = new Problem(TYPE_BASE + (type == null ? "about-blank" : type), title, status, detail,
                instance, errors, RequestIds.current());
        String body;
        try {
            body = objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // cannot happen for a record of strings; keep the contract anyway
            body = "{\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
        return Response.status(status)
                .type(Problem.MEDIA_TYPE + ";charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body)
                .build();
    }
}
