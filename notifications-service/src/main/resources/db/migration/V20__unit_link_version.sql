-- The unit's link version from units.events: acknowledgement links carry it, and an administrator's revocation in
-- units-service bumps it, so that every link mailed before is refused. 1 until an event says otherwise.
ALTER TABLE unit_info ADD COLUMN link_version BIGINT NOT NULL DEFAULT 1;
