package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check fails when its rule is broken: a copy of the rendered production overlay is broken in one place, and
 * the validator must name that place (and ProductionOverlayTest shows the unbroken rendering has no finding).
 */
class BrokenManifestsTest {

    @Test
    void aProbeOfAPathTheServiceDoesNotServe() {
        List<Finding> findings = validateBroken(m -> container(m, "gateway").withObjectProperty("readinessProbe").withObjectProperty("httpGet")
                .put("path", "/health/ready"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(ProbeRule.RULE);
            assertThat(f.resource()).isEqualTo("Deployment/gateway container gateway");
            assertThat(f.message()).contains("readinessProbe asks /health/ready");
        });
    }

    @Test
    void aProbeOfAPortTheServiceDoesNotListenOn() {
        List<Finding> findings = validateBroken(m -> container(m, "units-service").withObjectProperty("livenessProbe")
                .withObjectProperty("httpGet").put("port", 8080));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(ProbeRule.RULE);
            assertThat(f.message()).isEqualTo("livenessProbe asks port 8080, but units-service listens on 8081");
        });
    }

    @Test
    void aMissingStartupProbe() {
        List<Finding> findings = validateBroken(m -> container(m, "tasks-service").remove("startupProbe"));
        assertThat(findings).extracting(Finding::rule, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProbeRule.RULE,
                        "startupProbe is missing or not an HTTP GET"));
    }

    @Test
    void aTopicTheServicesUseWithoutAKafkaTopic() {
        RenderedManifests broken = Repository.production().copy();
        Manifest tasksEvents = broken.find("KafkaTopic", "tasks.events").orElseThrow();
        List<Finding> findings = Repository.VALIDATOR.validate(broken.without(tasksEvents));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(TopicRule.RULE);
            assertThat(f.message()).isEqualTo("no KafkaTopic for tasks.events, which tasks-service writes");
        });
    }

    @Test
    void aDeadLetterTopicIsOneTheServicesUse() {
        RenderedManifests broken = Repository.production().copy();
        Manifest deadLetters = broken.find("KafkaTopic", "notifications-service.dead-letter").orElseThrow();
        assertThat(Repository.VALIDATOR.validate(broken.without(deadLetters))).extracting(Finding::message)
                .containsExactly("no KafkaTopic for notifications-service.dead-letter, which notifications-service writes");
    }

    @Test
    void aTopicWithTwoReplicasOrAMinimumInSyncOfOne() {
        List<Finding> findings = validateBroken(m -> {
            ObjectNode spec = (ObjectNode) m.find("KafkaTopic", "units.events").orElseThrow().spec();
            spec.put("replicas", 2);
            spec.withObjectProperty("config").put("min.insync.replicas", 1);
        });
        assertThat(findings).extracting(Finding::rule).containsOnly(TopicRule.RULE);
        assertThat(findings).extracting(Finding::message)
                .containsExactlyInAnyOrder("replicas 2, not 3", "min.insync.replicas 1, not 2");
    }

    @Test
    void fewerPartitionsThanTheConsumerMayHaveReplicas() {
        List<Finding> findings = validateBroken(m ->
                ((ObjectNode) m.find("KafkaTopic", "units.events").orElseThrow().spec()).put("partitions", 4));
        assertThat(findings).extracting(Finding::message)
                .containsExactly("4 partitions, fewer than the 6 replicas tasks-service may have");
    }

    @Test
    void aKafkaTopicNoServiceUses() {
        List<Finding> findings = validateBroken(m -> ((ObjectNode) m.find("KafkaTopic", "tasks.events").orElseThrow()
                .spec()).put("topicName", "task.events"));
        assertThat(findings).extracting(Finding::message).containsExactlyInAnyOrder(
                "no KafkaTopic for tasks.events, which tasks-service writes",
                "no service uses topic task.events (" + EventTopics.ASYNCAPI + " and the dead-letter rule)");
    }

    @Test
    void aSecretKeyThatNeitherTheExampleNorTheOperatorHas() {
        List<Finding> findings = validateBroken(m -> {
            for (JsonNode variable : container(m, "units-service").path("env")) {
                if (variable.path("name").asText().equals("QUARKUS_DATASOURCE_PASSWORD")) {
                    ((ObjectNode) variable.path("valueFrom").path("secretKeyRef")).put("key", "passwd");
                }
            }
        });
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(ReferenceRule.RULE);
            assertThat(f.resource()).isEqualTo("Deployment/units-service");
            assertThat(f.message()).startsWith("refers to key passwd of Secret units-db-app, which has no such key");
        });
    }

    @Test
    void aSecretThatIsNowhere() {
        List<Finding> findings = validateBroken(m -> {
            for (JsonNode variable : container(m, "tasks-service").path("env")) {
                if (variable.path("name").asText().equals("TASKS_CALENDAR_SECRET")) {
                    ((ObjectNode) variable.path("valueFrom").path("secretKeyRef")).put("name", "tasks-secrets");
                }
            }
        });
        assertThat(findings).extracting(Finding::rule, Finding::message).containsExactly(org.assertj.core.groups.Tuple
                .tuple(ReferenceRule.RULE, "refers to Secret tasks-secrets, which is neither rendered, nor in "
                        + DocumentedSecrets.EXAMPLE + ", nor generated by an operator"));
    }

    @Test
    void aKeyOfAProjectedSecretVolumeThatTheExampleDoesNotHave() {
        List<Finding> findings = validateBroken(m -> {
            JsonNode gatewayPod = m.find("Deployment", "gateway").orElseThrow().podSpec().orElseThrow();
            ObjectNode item = (ObjectNode) gatewayPod.findValues("sources").get(0).get(1).path("secret").path("items").get(0);
            item.put("key", "private-key.pem");
        });
        assertThat(findings).extracting(Finding::message).singleElement().asString()
                .startsWith("refers to key private-key.pem of Secret gateway-jwt-signing");
    }

    @Test
    void aServiceWhoseSelectorMatchesNoPods() {
        List<Finding> findings = validateBroken(m -> ((ObjectNode) m.find("Service", "tasks-service").orElseThrow()
                .spec().path("selector")).put("app.kubernetes.io/name", "task-service"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(SelectorRule.RULE);
            assertThat(f.resource()).isEqualTo("Service/tasks-service");
            assertThat(f.message()).contains("matches no Deployment's pods");
        });
    }

    @Test
    void aServiceTargetingAPortThePodsDoNotDeclare() {
        List<Finding> findings = validateBroken(m -> ((ObjectNode) m.find("Service", "units-service").orElseThrow()
                .spec().path("ports").get(0)).put("targetPort", "web"));
        assertThat(findings).extracting(Finding::rule, Finding::message).containsExactly(org.assertj.core.groups.Tuple
                .tuple(SelectorRule.RULE, "targets port \"web\", which Deployment/units-service does not declare"));
    }

    @Test
    void aDeploymentWhosePodsLostTheLabelsTheirSelectorsUse() {
        List<Finding> findings = validateBroken(m -> ((ObjectNode) m.find("Deployment", "notifications-service")
                .orElseThrow().spec().path("template").path("metadata").path("labels"))
                .put("app.kubernetes.io/name", "notifications"));
        assertThat(findings).extracting(Finding::rule).containsOnly(SelectorRule.RULE);
        assertThat(findings).extracting(Finding::resource).contains("Deployment/notifications-service",
                "Service/notifications-service", "PodDisruptionBudget/notifications-service",
                "NetworkPolicy/notifications-service-from-gateway");
    }

    @Test
    void anEnvironmentVariableThatSetsNoConfigurationKey() {
        List<Finding> findings = validateBroken(m -> ((ObjectNode) m.find("ConfigMap", "tasks-service-config")
                .orElseThrow().body().path("data")).put("TASKS_CALENDAR_SECRETS", "x"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(EnvironmentRule.RULE);
            assertThat(f.message()).isEqualTo("TASKS_CALENDAR_SECRETS (from ConfigMap/tasks-service-config) sets no "
                    + "configuration key that tasks-service reads");
        });
    }

    @Test
    void aFieldTheKubernetesApiDoesNotHave() {
        List<Finding> findings = validateBroken(m -> container(m, "gateway").put("readinessProbes", "x"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(KubernetesApiModel.RULE);
            assertThat(f.resource()).isEqualTo("Deployment/gateway");
            assertThat(f.message()).contains("readinessProbes");
        });
    }

    @Test
    void aFieldOrATypeTheOperatorsSchemaRefuses() {
        List<Finding> findings = validateBroken(m -> {
            ((ObjectNode) m.find("KafkaNodePool", "dual-role").orElseThrow().spec()).put("replicas", "three");
            ((ObjectNode) m.find("Cluster", "tasks-db").orElseThrow().spec()).put("instance", 3);
        });
        assertThat(findings).extracting(Finding::rule).contains(OperatorSchemas.RULE);
        assertThat(findings).filteredOn(f -> f.rule().equals(OperatorSchemas.RULE)).extracting(Finding::resource)
                .containsExactlyInAnyOrder("KafkaNodePool/dual-role", "Cluster/tasks-db");
    }

    @Test
    void aWritableRootFilesystem() {
        List<Finding> findings = validateBroken(m -> container(m, "notifications-service").withObjectProperty("securityContext")
                .put("readOnlyRootFilesystem", false));
        assertThat(findings).extracting(Finding::rule, Finding::message).containsExactly(org.assertj.core.groups.Tuple
                .tuple(PodHardeningRule.RULE, "its root filesystem is writable"));
    }

    private static List<Finding> validateBroken(Consumer<RenderedManifests> breakIt) {
        RenderedManifests broken = Repository.production().copy();
        breakIt.accept(broken);
        return Repository.VALIDATOR.validate(broken);
    }

    private static ObjectNode container(RenderedManifests manifests, String deployment) {
        return (ObjectNode) manifests.find("Deployment", deployment).orElseThrow().podSpec().orElseThrow()
                .path("containers").get(0);
    }
}
