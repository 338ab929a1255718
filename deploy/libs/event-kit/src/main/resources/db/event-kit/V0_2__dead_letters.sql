-- Dead letters: records a consumer could not apply after event.consumer.max-attempts tries, by their own fault.
-- See cn.gov.supervision.kit.events.DeadLetters and deploy/libs/event-kit/README.md.

-- A parked record goes to <service>.dead-letter through the outbox, in the transaction that records it below, so it
-- is published exactly when it is parked. It keeps the original key, value and headers: a tombstone or a key-less
-- record is parked as it came, and its headers (the original ones plus the reason) are stored with it.
ALTER TABLE outbox_event ALTER COLUMN message_key DROP NOT NULL;
ALTER TABLE outbox_event ALTER COLUMN envelope DROP NOT NULL;
-- JSON [{"name","value" (base64)}]: when set, the record's complete headers, instead of eventId/eventType/X-Request-Id.
ALTER TABLE outbox_event ADD COLUMN headers TEXT;

CREATE TABLE dead_letter_event (
    id                UUID         PRIMARY KEY,
    consumer          VARCHAR(100) NOT NULL,
    source_topic      VARCHAR(249) NOT NULL,
    source_partition  INTEGER      NOT NULL,
    source_offset     BIGINT       NOT NULL,
    message_key       TEXT,
    message_value     TEXT,
    headers           TEXT         NOT NULL,
    reason            TEXT         NOT NULL,
    attempts          INTEGER      NOT NULL,
    parked_at         TIMESTAMPTZ  NOT NULL,
    -- PARKED until replayed (REPLAYED) or until a later event of the same subject was applied (SUPERSEDED: events
    -- carry the subject's full state, so replaying the parked one would put older state back)
    state             VARCHAR(16)  NOT NULL DEFAULT 'PARKED',
    resolved_at       TIMESTAMPTZ,
    last_replay_error TEXT,
    -- a crash between parking and committing the offset parks the record again: once is enough
    UNIQUE (consumer, source_topic, source_partition, source_offset)
);
CREATE INDEX dead_letter_event_parked ON dead_letter_event (consumer, source_topic, message_key)
    WHERE state = 'PARKED';
CREATE INDEX dead_letter_event_recent ON dead_letter_event (parked_at DESC);
