package cn.gov.supervision.kit.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Thrown by services to end a request with a specific problem. It is a {@link WebApplicationException} so that
 * the REST layer propagates it unchanged even from parameter converters (which would otherwise turn any
 * failure on a path parameter into a bare 404).
 */
public class ProblemException extends WebApplicationException {

    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, status);
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(Response.Status status, String type, String detail) {
        this(status.getStatusCode(), type, status.getReasonPhrase(), detail, List.of());
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, type, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation", "Bad Request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Response.Status.FORBIDDEN, "forbidden", detail);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Response.Status.NOT_FOUND, "not-found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(Response.Status.CONFLICT, type, detail);
    }

    public static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(422, type, "Unprocessable Content", detail, List.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Response.Status.PRECONDITION_FAILED, "stale-version", detail);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "precondition-required", "Precondition Required", detail, List.of());
    }

    public int status() {
        return getResponse().getStatus();
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
