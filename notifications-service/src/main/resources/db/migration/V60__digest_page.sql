-- What the digest page shows of each unit's part besides its status: how far along the unit says it is, and when it
-- last reported progress (both from tasks.events: the percent every event carries, the time of its ProgressReported).
ALTER TABLE assignment_info ADD COLUMN percent INTEGER;
ALTER TABLE assignment_info ADD COLUMN last_progress_at TIMESTAMPTZ;

-- Each "send me a fresh link" from an expired digest page: counted so the button cannot be used to flood a unit's
-- mailboxes (a few per digest and per unit a day; see FreshLinks).
CREATE TABLE fresh_link_request (
    id           UUID PRIMARY KEY,
    digest_id    UUID        NOT NULL REFERENCES digest (id),
    unit_id      UUID        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX fresh_link_request_unit ON fresh_link_request (unit_id, requested_at);
CREATE INDEX fresh_link_request_digest ON fresh_link_request (digest_id, requested_at);
