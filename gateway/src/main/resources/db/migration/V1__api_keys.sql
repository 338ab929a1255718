-- API keys of other government systems. The secret itself is never stored: only its SHA-256 hash (the secrets are
-- 256 random bits, so a fast hash is enough; see ApiKeySecrets) and a short prefix to tell keys apart in lists.
CREATE TABLE api_key (
    id            uuid PRIMARY KEY,
    name          varchar(100) NOT NULL,
    secret_hash   char(64)     NOT NULL,
    secret_prefix varchar(16)  NOT NULL,
    -- space-separated permissions (cn.gov.supervision.kit.security.Permissions), as in the minted token's scope claim
    scopes        varchar(500) NOT NULL,
    unit_id       uuid,
    created_at    timestamptz  NOT NULL,
    created_by    varchar(200),
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    CONSTRAINT api_key_secret_hash_unique UNIQUE (secret_hash)
);

CREATE INDEX api_key_created_at ON api_key (created_at DESC);
