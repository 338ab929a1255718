package cn.gov.supervision.gateway.edge;

import cn.gov.supervision.kit.web.RequestIds;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

/**
 * Gives every request its X-Request-Id (the caller's when it is safe, else a new one) and echoes it on the response.
 * The id is written back into the request headers, which the proxy forwards as they are, so the service logs and
 * answers under the same id; gateway problems quote it too.
 */
@ApplicationScoped
public class RequestCorrelation implements EdgeStage {

    @Override
    public int order() {
        return EdgeOrder.CORRELATION;
    }

    @Override
    public void handle(RoutingContext context) {
        String id = RequestIds.acceptOrGenerate(context.request().getHeader(RequestIds.HEADER));
        context.request().headers().set(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        // set, not add: the service echoes the id too, and the client should see it once
        context.addHeadersEndHandler(ignored -> context.response().headers().set(RequestIds.HEADER, id));
        context.next();
    }
}
