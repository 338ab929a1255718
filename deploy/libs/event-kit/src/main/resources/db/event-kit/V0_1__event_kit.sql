-- event-kit's own migration, recorded in event_kit_schema_history, not in the services' history: see
-- cn.gov.supervision.kit.events.EventKitMigrations and deploy/libs/event-kit/README.md.

-- Transactional outbox: an event row is written in the same transaction as the state change it describes;
-- OutboxRelay publishes rows in seq order and stamps published_at once Kafka has acknowledged them.
CREATE TABLE outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    message_key  VARCHAR(200) NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    envelope     TEXT         NOT NULL,
    request_id   VARCHAR(128),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INTEGER      NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;

-- Consumer-side deduplication: delivery is at least once, so each consumer remembers which event ids it applied,
-- in the same transaction as the change the event caused.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
