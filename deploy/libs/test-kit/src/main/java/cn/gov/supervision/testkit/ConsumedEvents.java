package cn.gov.supervision.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer's side of an event contract: the records on a topic the service under test has applied are read back
 * and each is validated against the producer's schema file (not a copy), so a producer that changes its events
 * without its schema, or a schema that no longer says what consumers rely on, fails the consumer's build.
 */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    /**
     * Reads {@code topic} from the beginning until at least {@code atLeast} records are seen, asserts each follows
     * the producer's schema file and returns them.
     */
    public static List<JsonNode> assertFollowProducerSchema(String bootstrapServers, String topic,
                                                            String producerSchema, int atLeast) {
        try (TopicProbe probe = TopicProbe.fromBeginning(bootstrapServers, topic)) {
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> true, atLeast, Duration.ofSeconds(60));
            List<JsonNode> events = records.stream().map(TopicProbe::json).toList();
            events.forEach(event -> assertThat(EventSchemas.producerViolations(producerSchema, event))
                    .as("%s record %s against %s", topic, event.path("eventId").asText(), producerSchema).isEmpty());
            return events;
        }
    }
}
