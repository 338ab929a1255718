package cn.gov.supervision.manifests;

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
    void theSameProbesAndSecurityAsInTheCluster() {
        RenderedManifests podman = Repository.podman();
        for (Manifest production : Repository.production().ofKind("Deployment")) {
            var inCluster = production.podSpec().orElseThrow().path("containers").get(0);
            var onPodman = podman.find("Deployment", production.name()).orElseThrow().podSpec().orElseThrow()
                    .path("containers").get(0);
            for (String field : new String[] {"startupProbe", "readinessProbe", "livenessProbe", "securityContext",
                    "resources", "volumeMounts", "env", "envFrom", "ports"}) {
                assertThat(onPodman.path(field)).as(production.name() + " " + field).isEqualTo(inCluster.path(field));
            }
        }
    }
}
