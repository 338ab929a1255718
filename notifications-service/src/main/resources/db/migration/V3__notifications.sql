-- Read model of units-service and tasks-service, built from their events alone.
CREATE TABLE unit_info (
    id       UUID PRIMARY KEY,
    code     VARCHAR(64)  NOT NULL,
    name     VARCHAR(100) NOT NULL,
    kind     VARCHAR(32)  NOT NULL,
    active   BOOLEAN      NOT NULL,
    -- JSON array of {name, role, email, phone}
    contacts TEXT         NOT NULL,
    version  BIGINT       NOT NULL
);

CREATE TABLE task_info (
    id            UUID PRIMARY KEY,
    plan_id       UUID         NOT NULL,
    code          VARCHAR(50)  NOT NULL,
    title         VARCHAR(500) NOT NULL,
    deadline_text VARCHAR(200),
    deadline_kind VARCHAR(16)  NOT NULL,
    due_date      DATE,
    recurrence    VARCHAR(16),
    version       BIGINT       NOT NULL
);

-- One responsible unit's part of a task, with its own (possibly extended) due date.
CREATE TABLE assignment_info (
    task_id  UUID        NOT NULL REFERENCES task_info (id) ON DELETE CASCADE,
    unit_id  UUID        NOT NULL,
    role     VARCHAR(8)  NOT NULL,
    status   VARCHAR(32) NOT NULL,
    due_date DATE,
    PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX assignment_info_unit ON assignment_info (unit_id);

-- The reminder policy in force (a single row).
CREATE TABLE reminder_policy (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    policy     TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A unit's digest for one day: the in-app feed entry, and what every channel delivers. The unique key is what makes
-- a day's run idempotent: a second run for the same day finds the digest and creates nothing.
CREATE TABLE digest (
    id              UUID PRIMARY KEY,
    unit_id         UUID        NOT NULL,
    day             DATE        NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    items           TEXT        NOT NULL,
    item_count      INTEGER     NOT NULL,
    recipients      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by VARCHAR(100),
    CONSTRAINT digest_once UNIQUE (unit_id, day, kind)
);
CREATE INDEX digest_unit_day ON digest (unit_id, day DESC);

-- Each channel a digest goes out on. Workers claim PENDING rows with FOR UPDATE SKIP LOCKED under a lease, so two
-- instances never send the same one; a failed send is retried with backoff and every attempt is recorded.
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    digest_id       UUID         NOT NULL REFERENCES digest (id),
    channel         VARCHAR(10)  NOT NULL,
    target          VARCHAR(500) NOT NULL,
    webhook_id      UUID,
    status          VARCHAR(10)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    claimed_until   TIMESTAMPTZ,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (digest_id, channel, target)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');

CREATE TABLE delivery_attempt (
    id           UUID PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES delivery (id),
    attempted_at TIMESTAMPTZ NOT NULL,
    succeeded    BOOLEAN     NOT NULL,
    error        TEXT
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id);

-- Escalation happens once per assignment, whatever later runs or deadline changes do.
CREATE TABLE escalation (
    task_id      UUID        NOT NULL,
    unit_id      UUID        NOT NULL,
    day          DATE        NOT NULL,
    escalated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, unit_id)
);

CREATE TABLE webhook (
    id         UUID PRIMARY KEY,
    url        VARCHAR(2000) NOT NULL,
    unit_id    UUID,
    secret     VARCHAR(200)  NOT NULL,
    active     BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
