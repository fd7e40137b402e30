-- Idempotency-Key (issue 12, IETF httpapi draft): per tenant and API key, the first
-- request with a key runs and its answer is kept; a replay with the same request gets
-- that answer again, one with another request 422, one while the first runs 409.
-- Kept at least 24 hours, then purged. `claim_token` names the request that holds the
-- key: only it records the answer or gives the key back.
CREATE TABLE idempotency_keys (
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    api_key_id    INTEGER NOT NULL,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    claim_token   TEXT NOT NULL,
    status        INTEGER,
    body          TEXT,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, api_key_id, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
