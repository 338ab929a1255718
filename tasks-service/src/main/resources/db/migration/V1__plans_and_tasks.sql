-- Plans (年度工作要点) and their tasks, assigned per responsible unit.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE plan (
    id             UUID PRIMARY KEY,
    title          VARCHAR(200) NOT NULL,
    year           INTEGER      NOT NULL,
    issuer         VARCHAR(200),
    document_index VARCHAR(100),
    published_on   DATE,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE task (
    id             UUID PRIMARY KEY,
    plan_id        UUID         NOT NULL REFERENCES plan (id),
    code           VARCHAR(50)  NOT NULL,
    category       VARCHAR(32)  NOT NULL,
    section        VARCHAR(500),
    title          VARCHAR(500) NOT NULL,
    description    TEXT,
    original_text  TEXT,
    deadline_text  VARCHAR(200),
    deadline_kind  VARCHAR(16)  NOT NULL,
    due_date       DATE,
    recurrence     VARCHAR(16),
    status         VARCHAR(32)  NOT NULL,
    -- earliest effective due date among the task's open assignments; drives light and overdue filters
    next_due_date  DATE,
    -- match key (simplified, no spaces, lower case) of title and description, for q searches
    search_text    TEXT         NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT task_code_unique UNIQUE (plan_id, code)
);
CREATE INDEX task_due_date ON task (due_date, code);
CREATE INDEX task_next_due_date ON task (next_due_date);
CREATE INDEX task_status ON task (status);
CREATE INDEX task_category ON task (category);
CREATE INDEX task_search_text ON task USING gin (search_text gin_trgm_ops);

-- The units the plan names for a task (possibly groups such as 各区县政府), as named.
CREATE TABLE task_unit (
    task_id  UUID       NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    unit_id  UUID       NOT NULL,
    role     VARCHAR(8) NOT NULL,
    position INTEGER    NOT NULL,
    PRIMARY KEY (task_id, role, position)
);
CREATE INDEX task_unit_unit ON task_unit (unit_id, task_id);

-- One assignment per responsible unit: groups are expanded, each member answers for its own part.
CREATE TABLE assignment (
    id                       UUID PRIMARY KEY,
    task_id                  UUID        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    unit_id                  UUID        NOT NULL,
    role                     VARCHAR(8)  NOT NULL,
    via_group_id             UUID,
    status                   VARCHAR(32) NOT NULL,
    -- set when an extension was approved; otherwise the task's due date applies
    extended_due_date        DATE,
    percent                  INTEGER,
    completion_evidence      TEXT,
    completion_links         TEXT,
    completed_at             TIMESTAMPTZ,
    return_reason            TEXT,
    proposed_due_date        DATE,
    extension_reason         TEXT,
    status_before_extension  VARCHAR(32),
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT assignment_unit_unique UNIQUE (task_id, unit_id)
);
CREATE INDEX assignment_unit ON assignment (unit_id, task_id);

CREATE TABLE progress_report (
    id         UUID PRIMARY KEY,
    task_id    UUID        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    unit_id    UUID        NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL,
    text       TEXT        NOT NULL,
    percent    INTEGER,
    links      TEXT        NOT NULL,
    reported_by VARCHAR(100)
);
CREATE INDEX progress_report_task ON progress_report (task_id, reported_at);

-- Every change to a task: who, when, what, old → new.
CREATE TABLE task_history (
    id         UUID PRIMARY KEY,
    task_id    UUID         NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL,
    actor      VARCHAR(100),
    request_id VARCHAR(128),
    action     VARCHAR(50)  NOT NULL,
    unit_id    UUID,
    field      VARCHAR(50),
    old_value  TEXT,
    new_value  TEXT
);
CREATE INDEX task_history_task ON task_history (task_id, changed_at);

-- Read model of units-service, built from units.events alone.
CREATE TABLE unit_ref (
    id         UUID PRIMARY KEY,
    code       VARCHAR(64)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    membership VARCHAR(16),
    active     BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL
);
CREATE TABLE unit_ref_member (
    group_id  UUID NOT NULL REFERENCES unit_ref (id) ON DELETE CASCADE,
    member_id UUID NOT NULL,
    PRIMARY KEY (group_id, member_id)
);
