package cn.gov.supervision.gateway.problem;

import cn.gov.supervision.kit.problem.Problem;
import cn.gov.supervision.kit.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * A problem the gateway itself answers (the services' own problems pass through untouched). Same RFC 9457 shape as
 * service-kit's {@code ProblemResponses}, written at the Vert.x level because the proxy never enters JAX-RS.
 * {@code upstream} names the service concerned, when there is one, so clients and operators see whose outage it is.
 */
public record GatewayProblem(int status, String type, String title, String detail, String upstream) {

    /** The same base as service-kit's ProblemResponses, so gateway and service problem types resolve alike. */
    static final String TYPE_BASE = "https://supervision.example.gov.cn/problems/";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static GatewayProblem of(int status, String type, String title, String detail) {
        return new GatewayProblem(status, type, title, detail, null);
    }

    public Buffer body(String instance, String requestId) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", TYPE_BASE + type);
        node.put("title", title);
        node.put("status", status);
        node.put("detail", detail);
        if (instance != null) {
            node.put("instance", instance);
        }
        if (upstream != null) {
            node.put("upstream", upstream);
        }
        if (requestId != null) {
            node.put("requestId", requestId);
        }
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings always serializes", e);
        }
    }

    /** Headers every gateway problem carries; callers add their own (Retry-After, Connection) on top. */
    public Map<String, String> headers() {
        return Map.of(HttpHeaders.CONTENT_TYPE.toString(), Problem.MEDIA_TYPE + ";charset=UTF-8",
                HttpHeaders.CACHE_CONTROL.toString(), "no-store");
    }

    /** Ends the exchange with this problem. */
    public void send(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            context.request().connection().close();
            return;
        }
        response.setStatusCode(status);
        headers().forEach(response::putHeader);
        response.end(body(context.normalizedPath(), context.request().getHeader(RequestIds.HEADER)));
    }
}
