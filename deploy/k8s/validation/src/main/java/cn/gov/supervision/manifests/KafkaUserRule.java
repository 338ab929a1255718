package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A KafkaUser named after a service may write exactly the topics that service produces and read exactly the topics it
 * consumes ({@link EventTopics}), by literal name: one service's user cannot write another's events.
 */
final class KafkaUserRule implements Rule {

    static final String RULE = "kafka-acls";

    private final Path root;

    KafkaUserRule(Path root) {
        this.root = root;
    }

    @Override
    public List<Finding> check(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        List<EventTopics.Topic> topics = manifests.ofKind("KafkaUser").isEmpty() ? List.of() : EventTopics.of(root);
        for (Manifest user : manifests.ofKind("KafkaUser")) {
            String service = user.name();
            Set<String> produces = new HashSet<>();
            Set<String> consumes = new HashSet<>();
            for (EventTopics.Topic topic : topics) {
                if (topic.producer().equals(service)) {
                    produces.add(topic.name());
                }
                if (topic.consumers().contains(service)) {
                    consumes.add(topic.name());
                }
            }
            Set<String> writes = new HashSet<>();
            Set<String> reads = new HashSet<>();
            for (JsonNode acl : user.spec().path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (!resource.path("type").asText().equals("topic") || acl.path("type").asText("allow").equals("deny")) {
                    continue;
                }
                String operations = acl.path("operations").toString();
                if (!resource.path("patternType").asText("literal").equals("literal") || resource.path("name").asText().equals("*")) {
                    findings.add(new Finding(RULE, user.id(), "grants topics by pattern (" + resource.path("name").asText()
                            + "); name each topic"));
                } else if (operations.contains("\"Write\"") || operations.contains("\"All\"")) {
                    writes.add(resource.path("name").asText());
                }
                if (operations.contains("\"Read\"") || operations.contains("\"All\"")) {
                    reads.add(resource.path("name").asText());
                }
            }
            if (!writes.equals(produces)) {
                findings.add(new Finding(RULE, user.id(), "may write " + writes + ", but " + service + " produces "
                        + produces));
            }
            if (!reads.equals(consumes)) {
                findings.add(new Finding(RULE, user.id(), "may read " + reads + ", but " + service + " consumes "
                        + consumes));
            }
        }
        return findings;
    }
}
