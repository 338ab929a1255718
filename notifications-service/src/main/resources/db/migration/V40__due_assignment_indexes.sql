-- The daily run reads only the open assignments a reminder can fire for, by due-date range in keyset pages
-- (DueAssignmentRepository): each page is a range scan of these indexes, however many completed assignments the
-- years of plans hold.
CREATE INDEX assignment_info_open_due ON assignment_info (due_date, task_id, unit_id)
    WHERE status <> 'COMPLETED';
-- Assignments whose events carried no due date of their own count towards the task's.
CREATE INDEX assignment_info_open_without_due ON assignment_info (task_id, unit_id)
    WHERE due_date IS NULL AND status <> 'COMPLETED';
CREATE INDEX task_info_due ON task_info (due_date);
CREATE INDEX task_info_recurring ON task_info (id) WHERE deadline_kind = 'RECURRING';
