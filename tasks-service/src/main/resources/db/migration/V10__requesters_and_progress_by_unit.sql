-- Separation of duties: who asked (the token's subject) may not approve the same request.
ALTER TABLE assignment ADD COLUMN completion_requested_by TEXT;
ALTER TABLE assignment ADD COLUMN extension_requested_by TEXT;

-- Reports are counted per assignment (the cap on what one assignment accumulates) and read per unit (what a
-- unit-bound caller may see), both in order.
CREATE INDEX progress_report_task_unit ON progress_report (task_id, unit_id, reported_at, id);
