-- The unit's link version from units.events: calendar subscription links carry it, and an administrator's
-- revocation in units-service bumps it. 1 until an event says otherwise (also for units the importer records).
ALTER TABLE unit_ref ADD COLUMN link_version BIGINT NOT NULL DEFAULT 1;
