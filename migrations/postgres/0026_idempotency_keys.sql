-- Idempotency-Key (issue 12, IETF httpapi draft): per tenant and API key, the first
-- request with a key runs and its answer is kept; a replay with the same request gets
-- that answer again, one with another request 422, one while the first runs 409.
-- Kept at least 24 hours, then purged. `claim_token` names the request that holds the
-- key: only it records the answer or gives the key back.
CREATE TABLE idempotency_keys (
    tenant_id     BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    api_key_id    BIGINT NOT NULL,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    claim_token   TEXT NOT NULL,
    status        INTEGER,
    body          TEXT,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, api_key_id, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys USING (tenant_id = shelfwise_tenant())
    WITH CHECK (tenant_id = shelfwise_tenant());
