package cn.gov.supervision.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One service's own OpenAPI document, with what the merge needs to know about it: the service's name (for tags and
 * renamed components) and the path prefixes the gateway routes to it (paths outside them are unreachable).
 */
public record ServiceApiDocument(String serviceName, List<String> routedPaths, ObjectNode document) {

    boolean routes(String path) {
        return routedPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
