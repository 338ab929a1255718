-- The token of the claim that holds a delivery: a worker whose lease ran out and was taken over by another finds
-- another token and neither sends nor records the delivery again.
ALTER TABLE delivery ADD COLUMN claim_token UUID;
-- each channel has its own worker, which claims only its channel's due deliveries
DROP INDEX delivery_due;
CREATE INDEX delivery_due ON delivery (channel, next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
