-- The list of one unit's tasks (GET /tasks?unitId=…&overdue=true, the list a unit opens every day) is answered from
-- that unit's entries of one index, instead of taking each of the unit's assignments and probing its task: each
-- assignment row carries its task's due date, next due date and code, and the index orders them per unit.
-- Triggers keep the copies in the same transaction as the task (whatever code path changes a task), so the list is
-- never behind the task and its totals stay exact. TaskRepository.search says when this index answers.
ALTER TABLE assignment
    ADD COLUMN task_due_date      DATE,
    ADD COLUMN task_next_due_date DATE,
    ADD COLUMN task_code          VARCHAR(50);

UPDATE assignment a SET task_due_date = t.due_date, task_next_due_date = t.next_due_date, task_code = t.code
FROM task t WHERE t.id = a.task_id;

ALTER TABLE assignment ALTER COLUMN task_code SET NOT NULL;

CREATE FUNCTION assignment_copy_task_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT t.due_date, t.next_due_date, t.code INTO NEW.task_due_date, NEW.task_next_due_date, NEW.task_code
    FROM task t WHERE t.id = NEW.task_id;
    RETURN NEW;
END $$;

-- the ORM never writes these columns (Assignment does not map them), so only an insert needs to copy them
CREATE TRIGGER assignment_copy_task_order BEFORE INSERT ON assignment
    FOR EACH ROW EXECUTE FUNCTION assignment_copy_task_order();

CREATE FUNCTION task_order_to_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE assignment SET task_due_date = NEW.due_date, task_next_due_date = NEW.next_due_date, task_code = NEW.code
    WHERE task_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER task_order_to_assignments AFTER UPDATE OF due_date, next_due_date, code ON task
    FOR EACH ROW WHEN (OLD.due_date IS DISTINCT FROM NEW.due_date OR OLD.next_due_date IS DISTINCT FROM NEW.next_due_date
                       OR OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION task_order_to_assignments();

-- overdue and the lights are ranges of next_due_date; INCLUDE makes the page and its total an index-only scan
CREATE INDEX assignment_unit_next_due ON assignment (unit_id, task_next_due_date)
    INCLUDE (role, task_due_date, task_code, task_id);
