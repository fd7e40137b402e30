-- Durable jobs (SQLite). Never edit once released: add a new migration.
-- Same shape as ../postgres/0002_jobs.sql. A job row is written in the transaction of
-- the change that caused it, claimed under a lease, completed or failed with attempt
-- fencing, retried with backoff, and dead-lettered ('discarded') with its last error.

CREATE TABLE jobs (
    id                INTEGER PRIMARY KEY,
    -- NULL for platform jobs that belong to no tenant.
    tenant_id         INTEGER REFERENCES tenants(id) ON DELETE CASCADE,
    queue             TEXT NOT NULL DEFAULT 'default',
    kind              TEXT NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('available','scheduled','running','retryable','completed','cancelled','discarded')),
    attempt           INTEGER NOT NULL DEFAULT 0,
    max_attempts      INTEGER NOT NULL DEFAULT 20 CHECK (max_attempts > 0),
    priority          INTEGER NOT NULL DEFAULT 1,
    args              TEXT NOT NULL,
    last_error        TEXT,
    scheduled_at      INTEGER NOT NULL,
    attempted_at      INTEGER,
    attempted_by      TEXT,
    lease_expires_at  INTEGER,
    finalized_at      INTEGER,
    -- Deduplication: at most one job per key while the row exists (the cleaner removes
    -- finished rows after their retention, which frees the key).
    unique_key        TEXT,
    created_at        INTEGER NOT NULL,
    CHECK ((state IN ('completed','cancelled','discarded')) = (finalized_at IS NOT NULL)),
    CHECK ((state = 'running') = (lease_expires_at IS NOT NULL))
);
CREATE UNIQUE INDEX jobs_unique_key ON jobs (unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX jobs_ready ON jobs (queue, state, scheduled_at);
CREATE INDEX jobs_running_lease ON jobs (state, lease_expires_at);
CREATE INDEX jobs_tenant_state ON jobs (tenant_id, state);
