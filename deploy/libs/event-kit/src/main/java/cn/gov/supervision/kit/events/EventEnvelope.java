package cn.gov.supervision.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The JSON envelope every event topic uses:
 * {@code {"eventId","type","schemaVersion","occurredAt","<subject>Id","payload"}} where the subject field names the
 * aggregate the event is about ({@code unitId} on units.events, {@code taskId} on tasks.events) and is also the key.
 */
public record EventEnvelope(UUID eventId, String type, int schemaVersion, OffsetDateTime occurredAt,
                            String subjectField, UUID subjectId, JsonNode payload) {

    public static EventEnvelope create(String type, int schemaVersion, String subjectField, UUID subjectId,
                                       JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID(), type, schemaVersion,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), subjectField, subjectId, payload);
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("eventId", eventId.toString());
        node.put("type", type);
        node.put("schemaVersion", schemaVersion);
        node.put("occurredAt", timestamp(occurredAt));
        node.put(subjectField, subjectId.toString());
        node.set("payload", payload);
        return node;
    }

    /**
     * An event's time as RFC 3339 requires it, seconds always written. {@code OffsetDateTime.toString()} leaves them
     * out on a whole minute ("10:25Z"), which schemas with {@code format: date-time} and many consumers reject: one
     * event in sixty thousand, truncated to the millisecond, fell on one.
     */
    public static String timestamp(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** Reads the envelope fields a consumer needs; the payload stays a tree for the consumer to map. */
    public static EventEnvelope fromJson(JsonNode node, String subjectField) {
        return new EventEnvelope(UUID.fromString(node.path("eventId").asText()), node.path("type").asText(),
                node.path("schemaVersion").asInt(1), OffsetDateTime.parse(node.path("occurredAt").asText()),
                subjectField, UUID.fromString(node.path(subjectField).asText()), node.path("payload"));
    }
}
