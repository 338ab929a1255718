package cn.gov.supervision.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure that reaches the REST layer into an RFC 9457 problem. Anything unexpected is a 500 problem
 * (and a bug to fix), never an HTML page or a stack trace.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    private final ProblemResponses responses;

    public ProblemExceptionMappers(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uriInfo) {
        return responses.build(e.status(), e.type(), e.title(), e.getMessage(), e.errors(), uriInfo);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uriInfo) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return responses.build(400, "validation", "Bad Request", detail, errors, uriInfo);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uriInfo) {
        return jsonProblem(e, uriInfo);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uriInfo) {
        return jsonProblem(e, uriInfo);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uriInfo) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, uriInfo);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter fails to convert (?page=abc); that is a bad request
            return responses.build(400, "invalid-parameter", "Bad Request",
                    "A path or query parameter has an invalid value: " + e.getCause().getMessage(), List.of(), uriInfo);
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? original.getStatusInfo().getReasonPhrase() : statusType.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "Method not allowed here";
            case 406 -> "No acceptable representation; this API answers application/json";
            case 415 -> "Unsupported content type";
            default -> e.getMessage();
        };
        Response problem = responses.build(status, "http-" + status, title, detail, List.of(), uriInfo);
        if (status == 405 && original.getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", original.getHeaderString("Allow")).build();
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uriInfo) {
        if (PersistenceProblemMappers.databaseUnavailable(e)) { // e.g. a commit that lost its connection
            LOG.warnf("The database is unavailable: %s", e.getMessage());
            return responses.databaseUnavailable(uriInfo);
        }
        LOG.error("Unexpected failure while handling " + (uriInfo == null ? "a request" : uriInfo.getRequestUri()), e);
        return responses.unexpected(uriInfo);
    }

    private Response jsonProblem(JsonProcessingException e, UriInfo uriInfo) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : null;
        String message;
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            message = target != null && target.isEnum()
                    ? "must be one of " + Arrays.toString(target.getEnumConstants())
                    : "has an invalid value '" + invalid.getValue() + "'";
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known property";
        } else if (e instanceof MismatchedInputException) {
            message = "has the wrong type or shape";
        } else {
            message = "is not well-formed JSON: " + e.getOriginalMessage();
        }
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field == null ? "The request body " + message : field + " " + message;
        return responses.build(400, "malformed-request", "Bad Request", detail, errors, uriInfo);
    }

    private static String jsonPath(JsonMappingException e) {
        if (e.getPath() == null || e.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /**
     * Drops the method and body-parameter segments (create.body.contacts[0].email → contacts[0].email) so that clients
     * see their own field names; a bare query or path parameter keeps its name.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> parts = new java.util.ArrayList<>();
        boolean startsWithParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    startsWithParameter = parts.isEmpty();
                    parts.add(node.getName());
                }
                case PROPERTY -> {
                    if (node.getIndex() != null && !parts.isEmpty()) {
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                    }
                    parts.add(node.getName());
                }
                default -> {
                    // method, constructor, return value and container element nodes name nothing a client sent
                }
            }
        }
        if (startsWithParameter && parts.size() > 1) {
            parts.remove(0);
        }
        return parts.isEmpty() ? "request" : String.join(".", parts);
    }
}
