package cn.gov.supervision.gateway.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a body whose declared Content-Length is over the route's limit before a byte of it is read or forwarded.
 * Bodies of undeclared length (chunked) are counted as they stream through the proxy instead (GuardedRequestBody).
 */
@ApplicationScoped
public class BodySizeLimit implements EdgeStage {

    private final BodyLimits limits;

    public BodySizeLimit(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public int order() {
        return EdgeOrder.BODY_SIZE;
    }

    @Override
    public String path() {
        return "/api/*";
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length = parseLength(declared);
            long maxSize = limits.maxSizeFor(request.method(), context.normalizedPath());
            if (length > maxSize) {
                if (!limits.drains(length)) {
                    context.response().putHeader(HttpHeaders.CONNECTION, "close");
                }
                BodyLimits.tooLarge(request.method(), context.normalizedPath(), maxSize).send(context);
                return;
            }
        }
        context.next();
    }

    /** A malformed length is left to the HTTP layer, which refuses it; only a readable one is judged here. */
    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
