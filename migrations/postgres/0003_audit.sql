-- Tamper-evident audit trail (PostgreSQL). Never edit once released: add a new migration.
-- One hash chain per tenant: each entry's hash covers the previous entry's hash and a
-- canonical encoding of the entry (engine/src/audit.rs). The head row records the
-- latest seq and hash so that truncation is detectable too.

CREATE TABLE audit_log (
    tenant_id     BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    seq           BIGINT NOT NULL,
    at            BIGINT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    subject       TEXT NOT NULL,
    before_state  TEXT,
    after_state   TEXT,
    request_id    TEXT,
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_subject ON audit_log (tenant_id, subject, seq);

CREATE TABLE audit_heads (
    tenant_id  BIGINT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    seq        BIGINT NOT NULL,
    hash       TEXT NOT NULL
);
