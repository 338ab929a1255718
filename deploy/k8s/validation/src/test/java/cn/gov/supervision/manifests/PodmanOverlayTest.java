package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The podman overlay that deploy/k8s/kube-play.sh runs: the same checks pass, and it holds only what podman 4.3 runs,
 * one replica per service on the host's network (overlays/podman/kustomization.yaml says what it leaves out).
 */
class PodmanOverlayTest {

    @Test
    void everyManifestPassesEveryCheck() {
        assertThat(Repository.VALIDATOR.validate(Repository.podman())).isEmpty();
    }

    @Test
    void onlyDeploymentsAndConfigMapsOneReplicaEachOnTheHostNetworkFromLocalImages() {
        RenderedManifests manifests = Repository.podman();
        assertThat(manifests.all()).extracting(Manifest::kind).containsOnly("Deployment", "ConfigMap");
        assertThat(manifests.ofKind("Deployment")).hasSize(4).allSatisfy(deployment -> {
            assertThat(deployment.spec().path("replicas").asInt()).isEqualTo(1);
            assertThat(deployment.podSpec().orElseThrow().path("hostNetwork").asBoolean()).isTrue();
            assertThat(deployment.podSpec().orElseThrow().path("containers").get(0).path("image").asText())
                    .startsWith("localhost/supervision/" + deployment.name() + ":");
        });
    }

    @Test
    void theSameProbesSecurityAndSettingsAsInTheClusterWithoutDeclaredPorts() {
        RenderedManifests podman = Repository.podman();
        for (Manifest production : Repository.production().ofKind("Deployment")) {
            JsonNode inCluster = production.podSpec().orElseThrow().path("containers").get(0);
            JsonNode onPodman = podman.find("Deployment", production.name()).orElseThrow().podSpec().orElseThrow()
                    .path("containers").get(0);
            for (String field : new String[] {"securityContext", "resources", "volumeMounts", "env", "envFrom"}) {
                assertThat(onPodman.path(field)).as(production.name() + " " + field).isEqualTo(inCluster.path(field));
            }
            // podman 4.3 would publish declared ports, which host networking refuses: the probes name the number
            assertThat(onPodman.has("ports")).as(production.name()).isFalse();
            int port = inCluster.path("ports").get(0).path("containerPort").asInt();
            for (String probe : new String[] {"startupProbe", "readinessProbe", "livenessProbe"}) {
                JsonNode expected = inCluster.path(probe).deepCopy();
                ((ObjectNode) expected.path("httpGet")).put("port", port);
                assertThat(onPodman.path(probe)).as(production.name() + " " + probe).isEqualTo(expected);
            }
        }
    }
}
