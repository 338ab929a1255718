package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map.Entry;
import java.util.Optional;

/**
 * Whatever selects pods or names a workload finds one: a Deployment's selector matches its own template, a Service's
 * selector matches a Deployment's pods that declare its target port, a PodDisruptionBudget's and a NetworkPolicy's
 * selectors match pods, a HorizontalPodAutoscaler scales a rendered Deployment, an Ingress routes to a rendered
 * Service port.
 */
final class SelectorRule implements Rule {

    static final String RULE = "selectors";

    @Override
    public List<Finding> check(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        List<Manifest> deployments = manifests.ofKind("Deployment");
        for (Manifest deployment : deployments) {
            if (!matches(deployment.spec().path("selector").path("matchLabels"), podLabels(deployment))) {
                findings.add(new Finding(RULE, deployment.id(), "its selector does not match its own pod template"));
            }
        }
        for (Manifest service : manifests.ofKind("Service")) {
            List<Manifest> selected = selected(deployments, service.spec().path("selector"));
            if (selected.isEmpty()) {
                findings.add(new Finding(RULE, service.id(), "its selector " + service.spec().path("selector")
                        + " matches no Deployment's pods"));
            }
            for (JsonNode port : service.spec().path("ports")) {
                JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                for (Manifest deployment : selected) {
                    if (!declaresPort(deployment, target)) {
                        findings.add(new Finding(RULE, service.id(), "targets port " + target + ", which "
                                + deployment.id() + " does not declare"));
                    }
                }
            }
        }
        for (Manifest budget : manifests.ofKind("PodDisruptionBudget")) {
            if (selected(deployments, budget.spec().path("selector").path("matchLabels")).isEmpty()) {
                findings.add(new Finding(RULE, budget.id(), "its selector matches no Deployment's pods"));
            }
        }
        for (Manifest policy : manifests.ofKind("NetworkPolicy")) {
            if (selected(deployments, policy.spec().path("podSelector").path("matchLabels")).isEmpty()) {
                findings.add(new Finding(RULE, policy.id(), "its podSelector matches no Deployment's pods"));
            }
            for (JsonNode rule : policy.spec().path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("podSelector") && !peer.has("namespaceSelector")
                            && selected(deployments, peer.path("podSelector").path("matchLabels")).isEmpty()) {
                        findings.add(new Finding(RULE, policy.id(), "admits pods " + peer.path("podSelector")
                                + ", which match no Deployment's pods"));
                    }
                }
            }
        }
        for (Manifest autoscaler : manifests.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = autoscaler.spec().path("scaleTargetRef");
            if (manifests.find(target.path("kind").asText(), target.path("name").asText()).isEmpty()) {
                findings.add(new Finding(RULE, autoscaler.id(), "scales " + target.path("kind").asText() + "/"
                        + target.path("name").asText() + ", which is not rendered"));
            }
        }
        for (Manifest ingress : manifests.ofKind("Ingress")) {
            for (JsonNode rule : ingress.spec().path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    Optional<Manifest> service = manifests.find("Service", backend.path("name").asText());
                    if (service.isEmpty()) {
                        findings.add(new Finding(RULE, ingress.id(), "routes to Service " + backend.path("name").asText()
                                + ", which is not rendered"));
                    } else if (!servesPort(service.get(), backend.path("port"))) {
                        findings.add(new Finding(RULE, ingress.id(), "routes to port " + backend.path("port")
                                + " of " + service.get().id() + ", which it does not have"));
                    }
                }
            }
        }
        return findings;
    }

    static JsonNode podLabels(Manifest deployment) {
        return deployment.spec().path("template").path("metadata").path("labels");
    }

    static List<Manifest> selected(List<Manifest> deployments, JsonNode selector) {
        return deployments.stream().filter(d -> matches(selector, podLabels(d))).toList();
    }

    /** An empty or missing selector matches nothing here: this project always selects by name. */
    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (Entry<String, JsonNode> entry : selector.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static boolean declaresPort(Manifest deployment, JsonNode port) {
        for (JsonNode container : deployment.podSpec().orElseThrow().path("containers")) {
            for (JsonNode declared : container.path("ports")) {
                if (port.isInt() ? declared.path("containerPort").asInt() == port.asInt()
                        : declared.path("name").asText().equals(port.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean servesPort(Manifest service, JsonNode port) {
        for (JsonNode declared : service.spec().path("ports")) {
            if (port.has("number") ? declared.path("port").asInt() == port.path("number").asInt()
                    : declared.path("name").asText().equals(port.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
