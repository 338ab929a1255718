-- Webhook secrets are now stored encrypted (AES-GCM, base64 with a prefix: see WebhookSecrets), which is longer
-- than the 200 characters a secret may have.
ALTER TABLE webhook ALTER COLUMN secret TYPE VARCHAR(1000);
