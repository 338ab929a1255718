package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a Kafka cluster is rendered: every topic the services use ({@link EventTopics}) has a KafkaTopic of that
 * cluster with 3 replicas and min.insync.replicas 2 (no acknowledged event is lost with one broker down), and with at
 * least as many partitions as any consumer may have replicas (its HorizontalPodAutoscaler's maxReplicas, else its
 * Deployment's replicas), so that none of them idles; no KafkaTopic is left that no service uses; the cluster has three
 * brokers and the same defaults for topics created otherwise.
 */
final class TopicRule implements Rule {

    static final String RULE = "topics";
    static final int REPLICAS = 3;
    static final int MIN_IN_SYNC_REPLICAS = 2;

    private final Path root;

    TopicRule(Path root) {
        this.root = root;
    }

    @Override
    public List<Finding> check(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        List<Manifest> clusters = manifests.ofKind("Kafka");
        if (clusters.isEmpty()) {
            return findings; // the podman overlay has a broker of its own (overlays/podman/kustomization.yaml)
        }
        for (Manifest cluster : clusters) {
            checkCluster(manifests, cluster, findings);
        }
        Set<String> clusterNames = clusters.stream().map(Manifest::name).collect(Collectors.toSet());
        List<EventTopics.Topic> topics = EventTopics.of(root);
        for (EventTopics.Topic topic : topics) {
            Optional<Manifest> kafkaTopic = manifests.ofKind("KafkaTopic").stream()
                    .filter(t -> topicName(t).equals(topic.name())).findFirst();
            if (kafkaTopic.isEmpty()) {
                findings.add(new Finding(RULE, "KafkaTopic/" + topic.name(), "no KafkaTopic for " + topic.name()
                        + ", which " + topic.producer() + " writes"));
                continue;
            }
            JsonNode spec = kafkaTopic.get().spec();
            if (spec.path("replicas").asInt() != REPLICAS) {
                findings.add(new Finding(RULE, kafkaTopic.get().id(), "replicas " + spec.path("replicas")
                        + ", not " + REPLICAS));
            }
            int minInSync = spec.path("config").path("min.insync.replicas").asInt(defaultMinInSync(clusters));
            if (minInSync != MIN_IN_SYNC_REPLICAS) {
                findings.add(new Finding(RULE, kafkaTopic.get().id(), "min.insync.replicas " + minInSync + ", not "
                        + MIN_IN_SYNC_REPLICAS));
            }
            for (String consumer : topic.consumers()) {
                int consumerReplicas = maxReplicas(manifests, consumer);
                if (spec.path("partitions").asInt() < consumerReplicas) {
                    findings.add(new Finding(RULE, kafkaTopic.get().id(), spec.path("partitions").asInt()
                            + " partitions, fewer than the " + consumerReplicas + " replicas " + consumer + " may have"));
                }
            }
            String cluster = kafkaTopic.get().body().path("metadata").path("labels").path("strimzi.io/cluster").asText();
            if (!clusterNames.contains(cluster)) {
                findings.add(new Finding(RULE, kafkaTopic.get().id(), "its strimzi.io/cluster label names " + cluster
                        + ", not a rendered Kafka"));
            }
        }
        Set<String> used = topics.stream().map(EventTopics.Topic::name).collect(Collectors.toSet());
        for (Manifest kafkaTopic : manifests.ofKind("KafkaTopic")) {
            if (!used.contains(topicName(kafkaTopic))) {
                findings.add(new Finding(RULE, kafkaTopic.id(), "no service uses topic " + topicName(kafkaTopic)
                        + " (" + EventTopics.ASYNCAPI + " and the dead-letter rule)"));
            }
        }
        return findings;
    }

    private static void checkCluster(RenderedManifests manifests, Manifest cluster, List<Finding> findings) {
        int brokers = manifests.ofKind("KafkaNodePool").stream()
                .filter(pool -> cluster.name().equals(pool.body().path("metadata").path("labels")
                        .path("strimzi.io/cluster").asText()))
                .filter(pool -> pool.spec().path("roles").toString().contains("\"broker\""))
                .mapToInt(pool -> pool.spec().path("replicas").asInt())
                .sum();
        if (brokers < REPLICAS) {
            findings.add(new Finding(RULE, cluster.id(), brokers + " brokers in its node pools, fewer than " + REPLICAS));
        }
        JsonNode config = cluster.spec().path("kafka").path("config");
        if (config.path("default.replication.factor").asInt() != REPLICAS) {
            findings.add(new Finding(RULE, cluster.id(), "default.replication.factor is not " + REPLICAS));
        }
        if (config.path("min.insync.replicas").asInt() != MIN_IN_SYNC_REPLICAS) {
            findings.add(new Finding(RULE, cluster.id(), "min.insync.replicas is not " + MIN_IN_SYNC_REPLICAS));
        }
    }

    private static int defaultMinInSync(List<Manifest> clusters) {
        return clusters.get(0).spec().path("kafka").path("config").path("min.insync.replicas").asInt(1);
    }

    private static String topicName(Manifest kafkaTopic) {
        return kafkaTopic.spec().path("topicName").asText(kafkaTopic.name());
    }

    /** How many replicas the service's Deployment may have: its autoscaler's maximum, else its replicas. */
    private int maxReplicas(RenderedManifests manifests, String service) {
        int most = 0;
        for (Workload workload : Workload.of(manifests, root)) {
            if (workload.service().map(ServiceModule::name).filter(service::equals).isEmpty()) {
                continue;
            }
            Manifest deployment = workload.deployment();
            int replicas = deployment.spec().path("replicas").asInt(1);
            for (Manifest autoscaler : manifests.ofKind("HorizontalPodAutoscaler")) {
                if (autoscaler.spec().path("scaleTargetRef").path("name").asText().equals(deployment.name())) {
                    replicas = Math.max(replicas, autoscaler.spec().path("maxReplicas").asInt());
                }
            }
            most = Math.max(most, replicas);
        }
        return most;
    }
}
