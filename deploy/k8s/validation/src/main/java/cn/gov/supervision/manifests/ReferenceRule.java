package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every ConfigMap a manifest refers to is rendered with the key it names; every Secret is rendered, or documented
 * ({@link DocumentedSecrets}), with the key it names; every volume a container mounts is declared. References marked
 * {@code optional: true} may point nowhere.
 */
final class ReferenceRule implements Rule {

    static final String RULE = "references";

    private final DocumentedSecrets documented;

    ReferenceRule(DocumentedSecrets documented) {
        this.documented = documented;
    }

    @Override
    public List<Finding> check(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest deployment : manifests.ofKind("Deployment")) {
            JsonNode podSpec = deployment.podSpec().orElseThrow();
            Set<String> volumes = new HashSet<>();
            podSpec.path("volumes").forEach(volume -> volumes.add(volume.path("name").asText()));
            for (JsonNode container : podSpec.path("containers")) {
                for (JsonNode variable : container.path("env")) {
                    JsonNode from = variable.path("valueFrom");
                    configMapKey(manifests, deployment, from.path("configMapKeyRef"), findings);
                    secretKey(manifests, deployment, from.path("secretKeyRef"), "name", findings);
                }
                for (JsonNode source : container.path("envFrom")) {
                    configMapKey(manifests, deployment, source.path("configMapRef"), findings);
                    secretKey(manifests, deployment, source.path("secretRef"), "name", findings);
                }
                for (JsonNode mount : container.path("volumeMounts")) {
                    if (!volumes.contains(mount.path("name").asText())) {
                        findings.add(new Finding(RULE, deployment.id(), "mounts volume " + mount.path("name").asText()
                                + ", which the pod does not declare"));
                    }
                }
            }
            for (JsonNode volume : podSpec.path("volumes")) {
                volumeSources(manifests, deployment, volume, findings);
                volume.path("projected").path("sources").forEach(source -> volumeSources(manifests, deployment, source,
                        findings));
            }
        }
        for (Manifest ingress : manifests.ofKind("Ingress")) {
            for (JsonNode tls : ingress.spec().path("tls")) {
                secretKey(manifests, ingress, tls, "secretName", findings);
            }
        }
        for (Manifest cluster : manifests.ofKind("Cluster")) {
            JsonNode credentials = cluster.spec().path("backup").path("barmanObjectStore").path("s3Credentials");
            credentials.forEach(reference -> secretKey(manifests, cluster, reference, "name", findings));
        }
        return findings;
    }

    private void volumeSources(RenderedManifests manifests, Manifest owner, JsonNode volume, List<Finding> findings) {
        JsonNode configMap = volume.path("configMap");
        if (configMap.isObject()) {
            if (configMap.path("items").isEmpty()) {
                configMapKey(manifests, owner, configMap, findings);
            }
            for (JsonNode item : configMap.path("items")) {
                configMapKey(manifests, owner, ((ObjectNode) item.deepCopy()).put("name", configMap.path("name").asText())
                        .put("optional", configMap.path("optional").asBoolean(false)), findings);
            }
        }
        JsonNode secret = volume.path("secret");
        if (secret.isObject()) {
            String nameField = secret.has("secretName") ? "secretName" : "name"; // a volume's, or a projection's
            if (secret.path("items").isEmpty()) {
                secretKey(manifests, owner, secret, nameField, findings);
            }
            for (JsonNode item : secret.path("items")) {
                secretKey(manifests, owner, ((ObjectNode) item.deepCopy()).put(nameField, secret.path(nameField).asText())
                        .put("optional", secret.path("optional").asBoolean(false)), nameField, findings);
            }
        }
    }

    private void configMapKey(RenderedManifests manifests, Manifest owner, JsonNode reference, List<Finding> findings) {
        if (!reference.isObject() || reference.path("optional").asBoolean(false)) {
            return;
        }
        String name = reference.path("name").asText();
        Optional<Manifest> configMap = manifests.find("ConfigMap", name);
        if (configMap.isEmpty()) {
            findings.add(new Finding(RULE, owner.id(), "refers to ConfigMap " + name + ", which is not rendered"));
        } else if (reference.has("key") && !configMap.get().body().path("data").has(reference.path("key").asText())
                && !configMap.get().body().path("binaryData").has(reference.path("key").asText())) {
            findings.add(new Finding(RULE, owner.id(), "refers to key " + reference.path("key").asText()
                    + " of ConfigMap " + name + ", which has no such key"));
        }
    }

    private void secretKey(RenderedManifests manifests, Manifest owner, JsonNode reference, String nameField,
                           List<Finding> findings) {
        if (!reference.isObject() || reference.path("optional").asBoolean(false)) {
            return;
        }
        String name = reference.path(nameField).asText();
        Optional<Set<String>> keys = manifests.find("Secret", name).map(secret -> DocumentedSecrets.keysOf(secret.body()))
                .or(() -> documented.keys(name));
        if (keys.isEmpty()) {
            findings.add(new Finding(RULE, owner.id(), "refers to Secret " + name + ", which is neither rendered, nor in "
                    + DocumentedSecrets.EXAMPLE + ", nor generated by an operator"));
        } else if (reference.has("key") && !keys.get().contains(reference.path("key").asText())) {
            findings.add(new Finding(RULE, owner.id(), "refers to key " + reference.path("key").asText() + " of Secret "
                    + name + ", which has no such key (it has " + keys.get() + ")"));
        }
    }
}
