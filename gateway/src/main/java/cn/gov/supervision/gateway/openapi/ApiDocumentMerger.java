package cn.gov.supervision.gateway.openapi;

import cn.gov.supervision.kit.openapi.ApiDocumentFilter;
import cn.gov.supervision.kit.problem.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one clients of the gateway read. The rules:
 * <ul>
 *   <li>paths are kept as the services publish them, which is how clients call them through the gateway; a path
 *       outside the prefixes the gateway routes to its service is dropped (nobody could call it);</li>
 *   <li>every operation's tags become "service: tag" (an untagged operation gets the service's name), so the
 *       document groups by service;</li>
 *   <li>a component (schema, parameter, response, …) that two services define identically is kept once under its
 *       name; one they define differently is kept per service as "service.Name" and each service's {@code $ref}s are
 *       rewritten to its own. This is repeated until stable, since renaming one schema can make two schemas that
 *       refer to it differ;</li>
 *   <li>operationIds that two services share are prefixed with the service, as they must be unique;</li>
 *   <li>servers and security are the gateway's: the bearer JWT and X-API-Key schemes are shared by all services,
 *       and servers the services declare for themselves are dropped (they point past the gateway);</li>
 *   <li>the answers the gateway itself gives are added to every operation: 429 with Retry-After (rate limit), 413
 *       where a body is taken (body limits), and 502/503/504 where a service answers behind the gateway, typed as
 *       the services' shared {@code Problem} schema;</li>
 *   <li>an untagged service's tag is described by the service's own description.</li>
 * </ul>
 */
public final class ApiDocumentMerger {

    private static final Logger LOG = Logger.getLogger(ApiDocumentMerger.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String REF_PREFIX = "#/components/";

    public static final String BEARER_SCHEME = "bearerJwt";
    public static final String API_KEY_SCHEME = "apiKey";

    private final String title;
    private final String version;

    public ApiDocumentMerger(String title, String version) {
        this.title = title;
        this.version = version;
    }

    /** The merged document, with empty servers (they depend on how the client reached the gateway). */
    public ObjectNode merge(List<ServiceApiDocument> services, List<String> unavailableServices) {
        List<Participant> participants = new ArrayList<>();
        participants.add(new Participant(null, sharedComponents()));
        for (ServiceApiDocument service : services) {
            ObjectNode components = service.document().has("components")
                    ? (ObjectNode) service.document().get("components").deepCopy() : NODES.objectNode();
            // security schemes are the gateway's to define: the services' operations name bearerJwt, which the
            // gateway defines for all (a service's own copy would only add a second "Authorize" field)
            components.remove("securitySchemes");
            participants.add(new Participant(service, components));
        }
        resolveComponentNames(participants);

        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", openApiVersion(services));
        merged.set("info", info(services, unavailableServices));
        merged.putArray("servers"); // filled per request: it depends on how the client reached the gateway
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Set<String> duplicateOperationIds = duplicateOperationIds(services);

        for (Participant participant : participants) {
            addComponents(components, participant);
            if (participant.service == null) {
                continue;
            }
            ServiceApiDocument service = participant.service;
            addTags(tags, service);
            service.document().path("paths").fields().forEachRemaining(entry -> {
                if (!service.routes(entry.getKey())) {
                    LOG.warnf("%s publishes %s, which the gateway does not route to it; left out of the document",
                            service.serviceName(), entry.getKey());
                    return;
                }
                if (paths.has(entry.getKey())) {
                    LOG.warnf("%s is published by two services; keeping the first", entry.getKey());
                    return;
                }
                ObjectNode pathItem = entry.getValue().deepCopy();
                pathItem.remove("servers");
                rewriteRefs(pathItem, participant.renames);
                pathItem.fields().forEachRemaining(operation -> {
                    if (OPERATIONS.contains(operation.getKey()) && operation.getValue().isObject()) {
                        adaptOperation(service, (ObjectNode) operation.getValue(), duplicateOperationIds);
                    }
                });
                paths.set(entry.getKey(), pathItem);
            });
        }
        ArrayNode security = merged.putArray("security");
        security.addObject().putArray(BEARER_SCHEME);
        security.addObject().putArray(API_KEY_SCHEME);
        return merged;
    }

    /** The gateway's own components: the security schemes every service will share. */
    private static ObjectNode sharedComponents() {
        ObjectNode components = NODES.objectNode();
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(BEARER_SCHEME)
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "A JWT issued to a person (Authorization: Bearer …)");
        schemes.putObject(API_KEY_SCHEME)
                .put("type", "apiKey").put("in", "header").put("name", "X-API-Key")
                .put("description", "A key issued to a system that calls the API");
        return components;
    }

    /**
     * Decides the final name of every component of every participant. The gateway's own components (participant
     * without a service) keep their names; a service's component is renamed when any other participant defines the
     * same name differently, comparing definitions with the renames found so far applied to their references.
     */
    private static void resolveComponentNames(List<Participant> participants) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<String, List<Participant>> definers = new LinkedHashMap<>();
            for (Participant participant : participants) {
                for (String key : participant.componentKeys()) {
                    definers.computeIfAbsent(key, ignored -> new ArrayList<>()).add(participant);
                }
            }
            for (Map.Entry<String, List<Participant>> entry : definers.entrySet()) {
                List<Participant> same = entry.getValue();
                if (same.size() < 2) {
                    continue;
                }
                Set<JsonNode> definitions = new HashSet<>();
                for (Participant participant : same) {
                    definitions.add(participant.definitionAsRenamed(entry.getKey()));
                }
                if (definitions.size() == 1) {
                    continue;
                }
                for (Participant participant : same) {
                    if (participant.service != null && !participant.renames.containsKey(entry.getKey())) {
                        int slash = entry.getKey().indexOf('/');
                        participant.renames.put(entry.getKey(), entry.getKey().substring(0, slash + 1)
                                + participant.service.serviceName() + "." + entry.getKey().substring(slash + 1));
                        changed = true;
                    }
                }
            }
        }
    }

    private static void addComponents(ObjectNode merged, Participant participant) {
        participant.components.fields().forEachRemaining(section -> {
            if (!section.getValue().isObject()) {
                return;
            }
            ObjectNode target = merged.has(section.getKey())
                    ? (ObjectNode) merged.get(section.getKey()) : merged.putObject(section.getKey());
            section.getValue().fields().forEachRemaining(component -> {
                String key = section.getKey() + "/" + component.getKey();
                String renamed = participant.renames.get(key);
                String name = renamed == null ? component.getKey() : renamed.substring(renamed.lastIndexOf('/') + 1);
                if (!target.has(name)) {
                    JsonNode definition = component.getValue().deepCopy();
                    rewriteRefs(definition, participant.renames);
                    target.set(name, definition);
                }
            });
        });
    }

    private static void addTags(ArrayNode tags, ServiceApiDocument service) {
        Set<String> described = new HashSet<>();
        service.document().path("tags").forEach(tag -> {
            String name = tag.path("name").asText();
            ObjectNode renamed = tags.addObject();
            renamed.put("name", service.serviceName() + ": " + name);
            if (tag.has("description")) {
                renamed.set("description", tag.get("description"));
            }
            described.add(name);
        });
        boolean hasUntagged = false;
        Set<String> used = new HashSet<>();
        for (JsonNode pathItem : service.document().path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = pathItem.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = it.next();
                if (!OPERATIONS.contains(operation.getKey())) {
                    continue;
                }
                JsonNode operationTags = operation.getValue().path("tags");
                if (operationTags.isEmpty()) {
                    hasUntagged = true;
                }
                operationTags.forEach(tag -> used.add(tag.asText()));
            }
        }
        used.stream().filter(name -> !described.contains(name)).sorted()
                .forEach(name -> tags.addObject().put("name", service.serviceName() + ": " + name));
        if (hasUntagged) {
            ObjectNode tag = tags.addObject().put("name", service.serviceName());
            JsonNode description = service.document().path("info").get("description");
            if (description != null) {
                tag.set("description", description);
            }
        }
    }

    private static void adaptOperation(ServiceApiDocument service, ObjectNode operation, Set<String> duplicateIds) {
        ArrayNode tags = NODES.arrayNode();
        operation.path("tags").forEach(tag -> tags.add(service.serviceName() + ": " + tag.asText()));
        if (tags.isEmpty()) {
            tags.add(service.serviceName());
        }
        operation.set("tags", tags);
        operation.remove("servers");
        if (service.acceptsApiKeys()) {
            offerApiKeys(operation);
        }
        addEdgeResponses(operation, !ServiceApiDocument.GATEWAY.equals(service.serviceName()));
        JsonNode operationId = operation.get("operationId");
        if (operationId != null && duplicateIds.contains(operationId.asText())) {
            operation.put("operationId", service.serviceName() + "_" + operationId.asText());
        }
    }

    /** What the gateway answers before or instead of the service (see the class comment). */
    private static void addEdgeResponses(ObjectNode operation, boolean proxied) {
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        ObjectNode tooMany = edgeResponse(responses, "429", "Too many requests from this client; retry after Retry-After seconds");
        if (tooMany != null) {
            tooMany.putObject("headers").putObject("Retry-After")
                    .put("description", "Seconds to wait before the next request")
                    .putObject("schema").put("type", "integer");
        }
        if (operation.has("requestBody")) {
            edgeResponse(responses, "413", "The request body is larger than the gateway accepts on this path");
        }
        if (proxied) {
            edgeResponse(responses, "502", "The service broke off the exchange");
            edgeResponse(responses, "503", "The service is unavailable (down, or its circuit is open)");
            edgeResponse(responses, "504", "The service did not answer in time");
        }
    }

    private static ObjectNode edgeResponse(ObjectNode responses, String status, String description) {
        if (responses.has(status)) {
            return null;
        }
        ObjectNode response = responses.putObject(status).put("description", description);
        response.putObject("content").putObject(Problem.MEDIA_TYPE).putObject("schema")
                .put("$ref", REF_PREFIX + "schemas/" + ApiDocumentFilter.PROBLEM);
        return response;
    }

    /**
     * A service asks for a bearer token; through the gateway an API key serves as well (it is exchanged for one), so
     * the operation offers both, and Swagger UI lets a system's key try it out.
     */
    private static void offerApiKeys(ObjectNode operation) {
        JsonNode security = operation.get("security");
        if (security == null || !security.isArray()) {
            return;
        }
        boolean bearer = false;
        boolean apiKey = false;
        for (JsonNode requirement : security) {
            bearer |= requirement.has(BEARER_SCHEME);
            apiKey |= requirement.has(API_KEY_SCHEME);
        }
        if (bearer && !apiKey) {
            ((ArrayNode) security).addObject().putArray(API_KEY_SCHEME);
        }
    }

    private static Set<String> duplicateOperationIds(List<ServiceApiDocument> services) {
        Map<String, Set<String>> servicesById = new HashMap<>();
        for (ServiceApiDocument service : services) {
            for (JsonNode pathItem : service.document().path("paths")) {
                for (String method : OPERATIONS) {
                    JsonNode id = pathItem.path(method).get("operationId");
                    if (id != null && id.isTextual()) {
                        servicesById.computeIfAbsent(id.asText(), ignored -> new HashSet<>()).add(service.serviceName());
                    }
                }
            }
        }
        Set<String> duplicates = new HashSet<>();
        servicesById.forEach((id, definers) -> {
            if (definers.size() > 1) {
                duplicates.add(id);
            }
        });
        return duplicates;
    }

    /** Rewrites every local component {@code $ref} below {@code node} by the given renames (section/name keys). */
    static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(REF_PREFIX)) {
                String renamed = renames.get(ref.asText().substring(REF_PREFIX.length()));
                if (renamed != null) {
                    object.put("$ref", REF_PREFIX + renamed);
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    /** 3.1 when any service speaks 3.1 (our Quarkus services all do); the documents differ little otherwise. */
    private static String openApiVersion(List<ServiceApiDocument> services) {
        return services.stream().map(service -> service.document().path("openapi").asText("3.1.0"))
                .max(String::compareTo).orElse("3.1.0");
    }

    private ObjectNode info(List<ServiceApiDocument> services, List<String> unavailableServices) {
        ObjectNode info = NODES.objectNode();
        info.put("title", title);
        info.put("version", version);
        info.putObject("contact").put("name", ApiDocumentFilter.CONTACT_NAME).put("email", ApiDocumentFilter.CONTACT_EMAIL);
        info.putObject("license").put("name", ApiDocumentFilter.LICENSE_NAME).put("url", ApiDocumentFilter.LICENSE_URL);
        StringBuilder description = new StringBuilder(
                "All services of the supervision platform, as reached through the gateway.\n\n");
        for (ServiceApiDocument service : services) {
            description.append("- ").append(service.serviceName()).append(' ')
                    .append(service.document().path("info").path("version").asText("?")).append('\n');
        }
        for (String missing : unavailableServices) {
            description.append("- ").append(missing).append(": unavailable, its operations are missing for now\n");
        }
        info.put("description", description.toString());
        return info;
    }

    /** The gateway or one service, with the renames decided for its components (section/name → section/new name). */
    private static final class Participant {

        private final ServiceApiDocument service;
        private final ObjectNode components;
        private final Map<String, String> renames = new HashMap<>();

        private Participant(ServiceApiDocument service, ObjectNode components) {
            this.service = service;
            this.components = components;
        }

        private List<String> componentKeys() {
            List<String> keys = new ArrayList<>();
            components.fields().forEachRemaining(section -> {
                if (section.getValue().isObject()) {
                    section.getValue().fieldNames().forEachRemaining(name -> keys.add(section.getKey() + "/" + name));
                }
            });
            return keys;
        }

        private JsonNode definitionAsRenamed(String key) {
            int slash = key.indexOf('/');
            JsonNode definition = components.path(key.substring(0, slash)).path(key.substring(slash + 1)).deepCopy();
            rewriteRefs(definition, renames);
            return definition;
        }
    }
}
