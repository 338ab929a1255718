package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** One object of a rendered kustomization; {@code body} is the whole object, mutable (tests break copies of it). */
public record Manifest(ObjectNode body) {

    public String apiVersion() {
        return body.path("apiVersion").asText();
    }

    public String kind() {
        return body.path("kind").asText();
    }

    public String name() {
        return body.path("metadata").path("name").asText();
    }

    /** The API group: "" for the core group (apiVersion v1), else the part before the slash. */
    public String group() {
        String apiVersion = apiVersion();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    public String version() {
        String apiVersion = apiVersion();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    public JsonNode spec() {
        return body.path("spec");
    }

    /** The pod template's spec of a Deployment (or the like), if it has one. */
    public Optional<JsonNode> podSpec() {
        JsonNode podSpec = body.path("spec").path("template").path("spec");
        return podSpec.isObject() ? Optional.of(podSpec) : Optional.empty();
    }

    /** How findings name it: Kind/name. */
    public String id() {
        return kind() + "/" + name();
    }
}
