package cn.gov.supervision.kit.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A record a consumer parked: what it held, where it came from, why it failed, and what became of it. */
@Entity
@Table(name = "dead_letter_event")
public class DeadLetter {

    @Schema(name = "DeadLetterState")
    public enum State {
        /** Waiting for an operator to fix the cause and replay it. */
        PARKED,
        /** Applied by a replay. */
        REPLAYED,
        /** A later event of the same subject was applied; it carried the full state, so this one is moot. */
        SUPERSEDED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String consumer;

    @Column(name = "source_topic", nullable = false)
    public String sourceTopic;

    @Column(name = "source_partition", nullable = false)
    public int sourcePartition;

    @Column(name = "source_offset", nullable = false)
    public long sourceOffset;

    @Column(name = "message_key", columnDefinition = "text")
    public String messageKey;

    @Column(name = "message_value", columnDefinition = "text")
    public String messageValue;

    /** {@link StoredHeaders}: the original headers, as they came. */
    @Column(nullable = false, columnDefinition = "text")
    public String headers;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "parked_at", nullable = false)
    public OffsetDateTime parkedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "last_replay_error", columnDefinition = "text")
    public String lastReplayError;

    SourceRecord source() {
        return new SourceRecord(sourceTopic, sourcePartition, sourceOffset, messageKey, messageValue, headers);
    }
}
