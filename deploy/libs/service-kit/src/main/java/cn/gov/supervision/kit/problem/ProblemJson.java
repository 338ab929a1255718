package cn.gov.supervision.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * How a problem goes on the wire, for the services' exception mappers (JAX-RS) and the gateway's own answers (Vert.x,
 * where the proxy never enters JAX-RS) alike. The body is serialized here, never by content negotiation, so that no
 * Accept header can turn a problem into HTML.
 */
public final class ProblemJson {

    /** The Content-Type of every problem. */
    public static final String CONTENT_TYPE = Problem.MEDIA_TYPE + ";charset=UTF-8";

    /** The Cache-Control of every problem: a refusal describes one request, no cache may answer another with it. */
    public static final String CACHE_CONTROL = "no-store";

    /** A plain mapper: a problem holds strings, numbers and lists, which no application setting changes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemJson() {
    }

    public static String write(Problem problem) {
        return write(problem, Map.of());
    }

    /**
     * The problem with extension members (RFC 9457 §3.2) after the standard ones; the gateway names the service
     * concerned in {@code upstream}.
     */
    public static String write(Problem problem, Map<String, String> extensions) {
        ObjectNode node = JSON.valueToTree(problem);
        extensions.forEach(node::put);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings, numbers and lists always serializes", e);
        }
    }
}
