-- Webhooks (issue 12): endpoints the tenant's systems receive signed events on, each
-- event's delivery to each endpoint and every attempt of it (the delivery log), and the
-- sources that post signed webhooks to the tenant. Secrets are sealed at rest
-- (engine::addresses, the tenant as associated data); a rotated secret keeps signing
-- (or verifying) beside the new one until `old_secret_until`.
CREATE TABLE webhook_endpoints (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id         INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    url               TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    event_types       TEXT NOT NULL,
    secret            TEXT NOT NULL,
    old_secret        TEXT,
    old_secret_until  INTEGER,
    disabled_at       INTEGER,
    disabled_reason   TEXT,
    created_at        INTEGER NOT NULL,
    created_by        TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_tenant ON webhook_endpoints (tenant_id, id);

CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id        INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    endpoint_id      INTEGER NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    event_id         INTEGER NOT NULL,
    message_id       TEXT NOT NULL,
    kind             TEXT NOT NULL,
    body             TEXT NOT NULL,
    state            TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    replays          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER,
    last_status      INTEGER,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    finished_at      INTEGER,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (tenant_id, endpoint_id, id);

CREATE TABLE webhook_attempts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    delivery_id   INTEGER NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    attempted_at  INTEGER NOT NULL,
    status        INTEGER,
    latency_ms    INTEGER NOT NULL,
    error         TEXT,
    response      TEXT
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (tenant_id, delivery_id, id);

CREATE TABLE webhook_sources (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id         INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL,
    secret            TEXT NOT NULL,
    old_secret        TEXT,
    old_secret_until  INTEGER,
    mapping           TEXT NOT NULL DEFAULT '',
    disabled_at       INTEGER,
    received          INTEGER NOT NULL DEFAULT 0,
    last_received_at  INTEGER,
    last_error        TEXT,
    created_at        INTEGER NOT NULL,
    created_by        TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);

