package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every service container runs as a non-root user without privilege escalation or capabilities, on a read-only root
 * filesystem with an emptyDir at /tmp (java.io.tmpdir in the image: Vert.x's file cache and multipart uploads are
 * written there), and with CPU and memory requests and limits (the JVM sizes its heap from the memory limit).
 */
final class PodHardeningRule implements Rule {

    static final String RULE = "pod-security";

    private final Path root;

    PodHardeningRule(Path root) {
        this.root = root;
    }

    @Override
    public List<Finding> check(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.of(manifests, root)) {
            JsonNode pod = workload.deployment().podSpec().orElseThrow();
            JsonNode container = workload.container();
            JsonNode security = container.path("securityContext");
            if (!security.path("runAsNonRoot").asBoolean(pod.path("securityContext").path("runAsNonRoot").asBoolean(false))) {
                findings.add(new Finding(RULE, workload.id(), "may run as root (runAsNonRoot is not true)"));
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                findings.add(new Finding(RULE, workload.id(), "its root filesystem is writable"));
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                findings.add(new Finding(RULE, workload.id(), "allows privilege escalation"));
            }
            if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                findings.add(new Finding(RULE, workload.id(), "keeps Linux capabilities (drop ALL)"));
            }
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!container.path("resources").path(bound).has(resource)) {
                        findings.add(new Finding(RULE, workload.id(), "has no " + resource + " " + bound));
                    }
                }
            }
            if (!writableTmp(pod, container)) {
                findings.add(new Finding(RULE, workload.id(), "has no emptyDir mounted at /tmp, where the JVM and "
                        + "Quarkus write temporary files"));
            }
        }
        return findings;
    }

    private static boolean writableTmp(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp") && !mount.path("readOnly").asBoolean(false)) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
