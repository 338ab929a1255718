-- The relay's turn and its rows in one round trip to the database (OutboxRelay): the advisory lock first, then the
-- waiting rows read by a statement of their own. In a VOLATILE function each statement takes a new snapshot (READ
-- COMMITTED), so the rows are read after the lock is held, never from before the relay that just let go committed
-- its marks; a single SELECT that took the lock in its WHERE clause would read them from before. Returns nothing
-- when another replica holds the turn.
CREATE FUNCTION outbox_pending_in_turn(lock_key BIGINT, batch_size INTEGER)
    RETURNS SETOF outbox_event
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    IF pg_try_advisory_xact_lock(lock_key) THEN
        RETURN QUERY SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT batch_size;
    END IF;
END
$$;
