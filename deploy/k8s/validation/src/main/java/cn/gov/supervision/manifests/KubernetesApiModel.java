package cn.gov.supervision.manifests;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Core kinds (Deployment, Service, ConfigMap, Ingress…) against the Kubernetes API's own model, the generated classes
 * of io.kubernetes:client-java-api: each one's {@code validateJsonElement} refuses a field the API does not have, a
 * required field that is missing, or a value of the wrong shape, the way a strict API server would; reading the object
 * into the class then checks the values' types (a number where a number belongs).
 */
final class KubernetesApiModel implements Rule {

    static final String RULE = "kubernetes-api";
    /** The groups whose kinds the model holds; the operators' kinds are checked against their CRDs instead. */
    static final Set<String> CORE_GROUPS = Set.of("", "apps", "policy", "autoscaling", "networking.k8s.io", "batch",
            "rbac.authorization.k8s.io");
    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    @Override
    public List<Finding> check(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest manifest : manifests.all()) {
            if (!CORE_GROUPS.contains(manifest.group())) {
                continue;
            }
            String className = MODELS + manifest.version().toUpperCase(Locale.ROOT).charAt(0)
                    + manifest.version().substring(1) + manifest.kind();
            try {
                Class<?> model = Class.forName(className);
                JsonElement json = JsonParser.parseString(manifest.body().toString());
                Method validate = model.getMethod("validateJsonElement", JsonElement.class);
                validate.invoke(null, json);
                model.getMethod("fromJson", String.class).invoke(null, json.toString());
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                findings.add(new Finding(RULE, manifest.id(), "the Kubernetes API has no " + manifest.apiVersion()
                        + " " + manifest.kind()));
            } catch (InvocationTargetException e) {
                findings.add(new Finding(RULE, manifest.id(), String.valueOf(e.getCause().getMessage())));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return findings;
    }

    /** An object's metadata alone (for the operators' kinds, whose CRD schemas leave metadata open). */
    static List<Finding> checkMetadata(Manifest manifest) {
        try {
            io.kubernetes.client.openapi.models.V1ObjectMeta.validateJsonElement(
                    JsonParser.parseString(manifest.body().path("metadata").toString()));
            return List.of();
        } catch (Exception e) {
            return List.of(new Finding(RULE, manifest.id(), "metadata: " + e.getMessage()));
        }
    }
}
