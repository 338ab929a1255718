package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka topics the services use, from one source: the AsyncAPI document the gateway serves
 * (gateway/src/main/resources/asyncapi/asyncapi.json), whose channels are the topics and whose descriptions name their
 * producer ("Produced by …") and consumers ("consumed here by …"), plus the dead-letter rule: every service that
 * consumes a topic writes what it cannot apply to {@code <quarkus.application.name>.dead-letter}.
 */
public final class EventTopics {

    static final String ASYNCAPI = "gateway/src/main/resources/asyncapi/asyncapi.json";

    private static final Pattern PRODUCER = Pattern.compile("Produced by ([a-z][a-z0-9-]*)");
    private static final Pattern CONSUMERS = Pattern.compile("consumed here by ([a-z][a-z0-9-]*(?:, [a-z][a-z0-9-]*)*)");

    /** One topic: its name, the service that writes it and those that read it. */
    public record Topic(String name, String producer, Set<String> consumers) {
    }

    private EventTopics() {
    }

    public static List<Topic> of(Path root) {
        JsonNode asyncApi;
        try {
            asyncApi = new ObjectMapper().readTree(root.resolve(ASYNCAPI).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Topic> topics = new ArrayList<>();
        Set<String> consumingServices = new LinkedHashSet<>();
        asyncApi.path("channels").forEach(channel -> {
            String description = channel.path("description").asText();
            Matcher producer = PRODUCER.matcher(description);
            Set<String> consumers = new LinkedHashSet<>();
            Matcher consumerList = CONSUMERS.matcher(description);
            if (consumerList.find()) {
                consumers.addAll(List.of(consumerList.group(1).split(", ")));
            }
            topics.add(new Topic(channel.path("address").asText(), producer.find() ? producer.group(1) : "", consumers));
            consumingServices.addAll(consumers);
        });
        for (String consumer : consumingServices) {
            String applicationName = ServiceModule.find(root, consumer).map(ServiceModule::applicationName).orElse(consumer);
            topics.add(new Topic(applicationName + ".dead-letter", consumer, Set.of()));
        }
        return topics;
    }
}
