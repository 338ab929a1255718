package cn.gov.supervision.kit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The envelope's time is what RFC 3339 and the event schemas' {@code format: date-time} accept, on any instant. */
class EventEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventOnAWholeMinuteKeepsItsSeconds() {
        OffsetDateTime wholeMinute = OffsetDateTime.of(2026, 12, 2, 0, 25, 0, 0, ZoneOffset.UTC);

        ObjectNode json = envelopeAt(wholeMinute).toJson(JSON);

        assertThat(json.path("occurredAt").asText()).isEqualTo("2026-12-02T00:25:00Z");
        assertThat(EventEnvelope.fromJson(json, "taskId").occurredAt()).isEqualTo(wholeMinute);
    }

    @Test
    void millisecondsAndOffsetsAreWrittenAsTheyAre() {
        assertThat(EventEnvelope.timestamp(OffsetDateTime.of(2026, 12, 2, 8, 25, 7, 30_000_000, ZoneOffset.ofHours(8))))
                .isEqualTo("2026-12-02T08:25:07.03+08:00");
    }

    private static EventEnvelope envelopeAt(OffsetDateTime occurredAt) {
        UUID task = UUID.randomUUID();
        return new EventEnvelope(UUID.randomUUID(), "TaskCreated", 1, occurredAt, "taskId", task,
                JSON.createObjectNode().put("id", task.toString()));
    }
}
