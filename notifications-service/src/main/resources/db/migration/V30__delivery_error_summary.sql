-- A failed delivery's error in terms that name no address, port or connection error: what callers other than
-- administrators see of a webhook's failure (last_error keeps the raw error for administrators).
ALTER TABLE delivery ADD COLUMN last_error_summary TEXT;
