-- Signed links (calendar subscriptions, acknowledgement links in mails) carry the unit's link version; an
-- administrator bumps it to revoke every link issued for the unit so far. Every unit starts at 1, which is also what
-- links issued before versions existed count as.
ALTER TABLE unit ADD COLUMN link_version BIGINT NOT NULL DEFAULT 1 CHECK (link_version >= 1);

-- Who revoked a unit's links, when, and which version the unit's links have from then on.
CREATE TABLE unit_link_revocation (
    id           UUID PRIMARY KEY,
    unit_id      UUID         NOT NULL REFERENCES unit (id),
    link_version BIGINT       NOT NULL,
    revoked_at   TIMESTAMPTZ  NOT NULL,
    revoked_by   VARCHAR(100),
    request_id   VARCHAR(128),
    UNIQUE (unit_id, link_version)
);
