package cn.gov.supervision.kit.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "A record this service's consumer could not apply and parked on its dead-letter topic")
public record DeadLetterView(
        UUID id,
        @Schema(description = "The consumer (and Kafka consumer group) that parked it") String consumer,
        String sourceTopic, int sourcePartition, long sourceOffset,
        @Schema(description = "The record's key, as it came") String key,
        @Schema(description = "The record's value, as it came") String value,
        @Schema(description = "The record's headers, as they came (values read as UTF-8)") List<Header> headers,
        @Schema(description = "Why it could not be applied, from its last attempt") String reason,
        int attempts,
        OffsetDateTime parkedAt,
        DeadLetter.State state,
        @Schema(description = "When it was replayed or superseded") OffsetDateTime resolvedAt,
        @Schema(description = "Why the last replay failed, while it is still parked")
        String lastReplayError) {

    @Schema(name = "DeadLetterHeader")
    public record Header(String name, String value) {
    }

    static DeadLetterView of(DeadLetter letter) {
        List<Header> headers = StoredHeaders.fromJson(letter.headers).stream()
                .map(h -> new Header(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)))
                .toList();
        return new DeadLetterView(letter.id, letter.consumer, letter.sourceTopic, letter.sourcePartition,
                letter.sourceOffset, letter.messageKey, letter.messageValue, headers, letter.reason, letter.attempts,
                letter.parkedAt, letter.state, letter.resolvedAt, letter.lastReplayError);
    }
}
