package cn.gov.supervision.gateway.problem;

import cn.gov.supervision.kit.problem.Problem;
import cn.gov.supervision.kit.problem.ProblemJson;
import cn.gov.supervision.kit.web.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;

/**
 * A problem the gateway itself answers (the services' own problems pass through untouched). It is service-kit's
 * {@link Problem} written by {@link ProblemJson}, only sent at the Vert.x level because the proxy never enters JAX-RS.
 * {@code upstream} names the service concerned, when there is one, so clients and operators see whose outage it is.
 */
public record GatewayProblem(int status, String type, String title, String detail, String upstream) {

    public static GatewayProblem of(int status, String type, String title, String detail) {
        return new GatewayProblem(status, type, title, detail, null);
    }

    public Buffer body(String instance, String requestId) {
        Problem problem = Problem.of(status, type, title, detail, instance, List.of(), requestId);
        return Buffer.buffer(ProblemJson.write(problem, upstream == null ? Map.of() : Map.of("upstream", upstream)));
    }

    /** Headers every gateway problem carries; callers add their own (Retry-After, Connection) on top. */
    public Map<String, String> headers() {
        return Map.of(HttpHeaders.CONTENT_TYPE.toString(), ProblemJson.CONTENT_TYPE,
                HttpHeaders.CACHE_CONTROL.toString(), ProblemJson.CACHE_CONTROL);
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
