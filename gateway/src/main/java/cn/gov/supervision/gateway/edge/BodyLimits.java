package cn.gov.supervision.gateway.edge;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.problem.GatewayProblem;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** The largest request body each route accepts: the default, or a route's own limit (imports take more). */
@ApplicationScoped
public class BodyLimits {

    private final long defaultMaxSize;
    private final long drainMaxSize;
    private final Map<String, Long> routeMaxSizes = new HashMap<>();

    public BodyLimits(GatewayConfig config) {
        GatewayConfig.BodyLimitsConfig limits = config.bodyLimits();
        this.defaultMaxSize = limits.defaultMaxSize().asLongValue();
        this.drainMaxSize = limits.drainMaxSize().asLongValue();
        for (GatewayConfig.RouteBodyLimit route : limits.routes()) {
            routeMaxSizes.put(key(HttpMethod.valueOf(route.method().toUpperCase()), route.path()),
                    route.maxSize().asLongValue());
        }
    }

    public long maxSizeFor(HttpMethod method, String path) {
        return routeMaxSizes.getOrDefault(key(method, path), defaultMaxSize);
    }

    /** Whether a refused body of this size is read to its end rather than cut off (see drain-max-size). */
    public boolean drains(long size) {
        return size <= drainMaxSize;
    }

    public long drainMaxSize() {
        return drainMaxSize;
    }

    public static GatewayProblem tooLarge(HttpMethod method, String path, long maxSize) {
        return GatewayProblem.of(413, "payload-too-large", "Content Too Large",
                "The request body exceeds the limit of " + readable(maxSize) + " for " + method + " " + path);
    }

    static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    private static String key(HttpMethod method, String path) {
        return method.name() + " " + path;
    }
}
