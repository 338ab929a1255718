-- Each assignment's status and due date after every tasks.events event that changed them, at the event's time: the
-- weekly report replays them up to its day, as tasks-service replays its history for /stats/units?asOf=.
CREATE TABLE assignment_snapshot (
    id          UUID PRIMARY KEY,
    task_id     UUID        NOT NULL,
    unit_id     UUID        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    status      VARCHAR(32) NOT NULL,
    due_date    DATE
);
CREATE INDEX assignment_snapshot_assignment ON assignment_snapshot (task_id, unit_id, occurred_at);

-- What the read model held before snapshots were kept, as of this migration: earlier days are not known here.
INSERT INTO assignment_snapshot (id, task_id, unit_id, occurred_at, status, due_date)
SELECT gen_random_uuid(), task_id, unit_id, now(), status, due_date FROM assignment_info;

-- The weekly report (kind WEEKLY, one per week: its day is the week's Monday) keeps its figures here; its items stay
-- an empty list, so the feed shows it like any digest.
ALTER TABLE digest ADD COLUMN report TEXT;
