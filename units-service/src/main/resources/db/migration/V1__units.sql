-- The registry of responsible units (责任单位).
CREATE TABLE unit (
    id          UUID PRIMARY KEY,
    code        VARCHAR(64)  NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    parent_id   UUID REFERENCES unit (id),
    -- GROUP only: FIXED (explicit members), ALL_OF_KIND (every active unit of member_kind), PER_TASK (chosen per task)
    membership  VARCHAR(16),
    member_kind VARCHAR(32),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    -- false until UnitCreated was written to the outbox; reference data loaded by migrations starts false
    announced   BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT unit_group_membership CHECK ((kind = 'GROUP') = (membership IS NOT NULL)),
    CONSTRAINT unit_member_kind CHECK ((membership = 'ALL_OF_KIND') = (member_kind IS NOT NULL))
);
CREATE INDEX unit_kind_active ON unit (kind, active);

CREATE TABLE unit_alias (
    unit_id  UUID         NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    position INTEGER      NOT NULL,
    alias    VARCHAR(100) NOT NULL,
    PRIMARY KEY (unit_id, position)
);

CREATE TABLE unit_member (
    group_id  UUID NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    member_id UUID NOT NULL REFERENCES unit (id),
    PRIMARY KEY (group_id, member_id),
    CONSTRAINT unit_member_not_self CHECK (group_id <> member_id)
);
CREATE INDEX unit_member_member ON unit_member (member_id);

CREATE TABLE unit_contact (
    unit_id  UUID        NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    position INTEGER     NOT NULL,
    name     VARCHAR(50) NOT NULL,
    role     VARCHAR(50),
    email    VARCHAR(254),
    phone    VARCHAR(40),
    PRIMARY KEY (unit_id, position)
);

-- Staff turnover: every replacement of a unit's contacts is kept (the plan requires handover records).
CREATE TABLE unit_contact_change (
    id         UUID PRIMARY KEY,
    unit_id    UUID        NOT NULL REFERENCES unit (id),
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by VARCHAR(100),
    request_id VARCHAR(128),
    previous   TEXT        NOT NULL,
    current    TEXT        NOT NULL
);
CREATE INDEX unit_contact_change_unit ON unit_contact_change (unit_id, changed_at);

-- Every name and alias of every unit under its match key (simplified, no spaces, NFKC, lower case).
-- Names are unique among active units; inactive units keep their rows so history still resolves.
CREATE TABLE unit_name (
    unit_id   UUID         NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    match_key VARCHAR(200) NOT NULL,
    name      VARCHAR(100) NOT NULL,
    is_alias  BOOLEAN      NOT NULL,
    active    BOOLEAN      NOT NULL,
    PRIMARY KEY (unit_id, match_key)
);
CREATE UNIQUE INDEX unit_name_active_unique ON unit_name (match_key) WHERE active;
CREATE INDEX unit_name_key ON unit_name (match_key);
