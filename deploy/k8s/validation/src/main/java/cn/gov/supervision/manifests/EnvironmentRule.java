package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every environment variable a service's container gets, set one by one or from a ConfigMap or Secret, sets a
 * configuration key the service reads ({@link ConfigKeys}): a misspelt variable is otherwise ignored without a word,
 * and the service runs on its default. The java launcher's own variables are the one exception.
 */
final class EnvironmentRule implements Rule {

    static final String RULE = "environment";
    /** Read by the JVM, not by the application (the image sets JDK_JAVA_OPTIONS: deploy/images/Containerfile). */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    private final Path root;
    private final DocumentedSecrets documented;

    EnvironmentRule(Path root, DocumentedSecrets documented) {
        this.root = root;
        this.documented = documented;
    }

    @Override
    public List<Finding> check(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.of(manifests, root)) {
            if (workload.service().isEmpty()) {
                continue; // ProbeRule reports an image that names no service
            }
            ConfigKeys keys = workload.service().get().configKeys();
            List<String[]> variables = new ArrayList<>(); // {name, where it comes from}
            workload.container().path("env").forEach(v -> variables.add(new String[] {v.path("name").asText(), "env"}));
            for (JsonNode source : workload.container().path("envFrom")) {
                String prefix = source.path("prefix").asText("");
                String configMap = source.path("configMapRef").path("name").asText(null);
                if (configMap != null) {
                    manifests.find("ConfigMap", configMap).ifPresent(map -> map.body().path("data").fieldNames()
                            .forEachRemaining(key -> variables.add(new String[] {prefix + key, "ConfigMap/" + configMap})));
                }
                String secret = source.path("secretRef").path("name").asText(null);
                if (secret != null) {
                    manifests.find("Secret", secret).map(s -> DocumentedSecrets.keysOf(s.body()))
                            .or(() -> documented.keys(secret))
                            .ifPresent(secretKeys -> secretKeys.forEach(key ->
                                    variables.add(new String[] {prefix + key, "Secret/" + secret})));
                }
            }
            for (String[] variable : variables) {
                if (!LAUNCHER_VARIABLES.contains(variable[0]) && !keys.readsEnvironmentVariable(variable[0])) {
                    findings.add(new Finding(RULE, workload.id(), variable[0] + " (from " + variable[1] + ") sets no "
                            + "configuration key that " + workload.service().get().name() + " reads"));
                }
            }
        }
        return findings;
    }
}
