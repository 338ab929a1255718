package cn.gov.supervision.gateway.edge;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * The path an API request is counted under in the HTTP metrics: ids replaced by {id}, so that every unit or task
 * does not become a time series of its own. Quarkus REST does this for its own resources; proxied paths are plain
 * Vert.x routes, so the template is handed to Quarkus' Micrometer binder the way REST does it (a context local).
 * Set first, so that refusals (CORS, 413, 429) are counted under the template too.
 */
@ApplicationScoped
public class MetricsPathTemplate implements EdgeStage {

    /** The context local Quarkus' Micrometer binder reads the path template from. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private static final Pattern ID_SEGMENT = Pattern.compile(
            "/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]+)(?=/|$)");

    @Override
    public int order() {
        return EdgeOrder.CORRELATION;
    }

    @Override
    public String path() {
        return "/api/*";
    }

    @Override
    public void handle(RoutingContext context) {
        context.vertx().getOrCreateContext().putLocal(URL_PATH_TEMPLATE, of(context.normalizedPath()));
        context.next();
    }

    static String of(String path) {
        return ID_SEGMENT.matcher(path).replaceAll("/{id}");
    }
}
