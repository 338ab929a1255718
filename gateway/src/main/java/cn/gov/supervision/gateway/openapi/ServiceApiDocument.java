package cn.gov.supervision.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One service's own OpenAPI document, with what the merge needs to know about it: the service's name (for tags and
 * renamed components) and the path prefixes the gateway routes to it (paths outside them are unreachable).
 */
public record ServiceApiDocument(String serviceName, List<String> routedPaths, ObjectNode document) {

    /** The name the gateway's own operations (API keys) are merged under. */
    public static final String GATEWAY = "gateway";

    /** The gateway's own operations take a person's token only: an API key cannot manage API keys. */
    boolean acceptsApiKeys() {
        return !GATEWAY.equals(serviceName);
    }

    boolean routes(String path) {
        return routedPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
