package cn.gov.supervision.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer's side of an event contract: the records on a topic the service under test has applied are read back
 * and each is validated against the producer's schema file (not a copy), so a producer that changes its events
 * without its schema, or a schema that no longer says what consumers rely on, fails the consumer's build. Records the
 * service parked on its dead-letter topic (tests send such records on purpose) were not applied and are left out.
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
            Set<String> parked = parkedPositions(bootstrapServers, topic);
            List<JsonNode> events = records.stream()
                    .filter(r -> !parked.contains(r.partition() + "@" + r.offset()))
                    .map(TopicProbe::json).toList();
            events.forEach(event -> assertThat(EventSchemas.producerViolations(producerSchema, event))
                    .as("%s record %s against %s", topic, event.path("eventId").asText(), producerSchema).isEmpty());
            return events;
        }
    }

    /** "partition@offset" of every record of {@code topic} on the service's dead-letter topic, read to its end. */
    private static Set<String> parkedPositions(String bootstrapServers, String topic) {
        String deadLetterTopic = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class)
                + ".dead-letter";
        Set<String> parked = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-dead-letters-" + UUID.randomUUID(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<PartitionInfo> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return parked; // nothing was ever parked
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (assigned.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("reading %s to its end", deadLetterTopic).isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (topic.equals(header(record, "dead-letter.source-topic"))) {
                        parked.add(header(record, "dead-letter.source-partition") + "@"
                                + header(record, "dead-letter.source-offset"));
                    }
                }
            }
        }
        return parked;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
