package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A container of a Deployment, and the service module its image is built from (if it names one). */
record Workload(Manifest deployment, JsonNode container, Optional<ServiceModule> service) {

    static List<Workload> of(RenderedManifests manifests, Path root) {
        List<Workload> workloads = new ArrayList<>();
        for (Manifest deployment : manifests.ofKind("Deployment")) {
            deployment.podSpec().ifPresent(podSpec -> podSpec.path("containers").forEach(container -> workloads.add(
                    new Workload(deployment, container, ServiceModule.forImage(root, container.path("image").asText())))));
        }
        return workloads;
    }

    String id() {
        return deployment.id() + " container " + container.path("name").asText();
    }

    /** The literal value of an environment variable the container sets, if it does. */
    Optional<String> literalEnvironment(String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name) && variable.has("value")) {
                return Optional.of(variable.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /** The port number a probe or Service names: a number, or the name of one of the container's ports. */
    Optional<Integer> containerPort(JsonNode port) {
        if (port.isInt()) {
            return Optional.of(port.asInt());
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return Optional.of(declared.path("containerPort").asInt());
            }
        }
        return Optional.empty();
    }
}
