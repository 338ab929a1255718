package cn.gov.supervision.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body, the one error shape of every service and of the gateway.
 * {@code errors} lists field-level validation failures; {@code requestId} lets a caller quote the failing request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Relative type names resolve against this base, so clients can look a problem type up in the API docs. */
    static final String TYPE_BASE = "https://supervision.example.gov.cn/problems/";

    /** A problem of the given type name (validation, not-found, …); its {@code type} is the full URI. */
    public static Problem of(int status, String type, String title, String detail, String instance,
                             List<FieldError> errors, String requestId) {
        return new Problem(TYPE_BASE + (type == null ? "about-blank" : type), title, status, detail, instance, errors,
                requestId);
    }

    public record FieldError(String field, String message) {
    }
}
