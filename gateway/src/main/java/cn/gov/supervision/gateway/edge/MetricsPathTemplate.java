package cn.gov.supervision.gateway.edge;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

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

    private static final int UUID_LENGTH = 36;

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

    /**
     * Each path segment that is a UUID or a number becomes {id}. A scan rather than a regular expression: it runs for
     * every request, and most paths are returned as they are without a copy.
     */
    static String of(String path) {
        StringBuilder template = null;
        int copied = 0;
        int start = 0;
        while (start < path.length()) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                break;
            }
            int end = path.indexOf('/', slash + 1);
            if (end < 0) {
                end = path.length();
            }
            if (isId(path, slash + 1, end)) {
                if (template == null) {
                    template = new StringBuilder(path.length());
                }
                template.append(path, copied, slash + 1).append("{id}");
                copied = end;
            }
            start = end;
        }
        return template == null ? path : template.append(path, copied, path.length()).toString();
    }

    private static boolean isId(String path, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return false;
        }
        if (length == UUID_LENGTH) {
            boolean uuid = true;
            for (int i = 0; i < length && uuid; i++) {
                char c = path.charAt(from + i);
                uuid = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
            }
            if (uuid) {
                return true;
            }
        }
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
