-- Deleting a tenant must never silently take its audit trail with it: the trail's
-- references to the tenant now restrict the delete instead of cascading (a tenant with
-- a trail is archived, or its trail exported and removed on purpose, first).
-- SQLite cannot change a foreign key in place, so the two tables are rebuilt.
CREATE TABLE audit_log_kept (
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
    seq           INTEGER NOT NULL,
    at            INTEGER NOT NULL,
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
INSERT INTO audit_log_kept SELECT tenant_id, seq, at, actor, action, subject, before_state,
    after_state, request_id, prev_hash, hash FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_kept RENAME TO audit_log;
CREATE INDEX audit_log_subject ON audit_log (tenant_id, subject, seq);

CREATE TABLE audit_heads_kept (
    tenant_id  INTEGER PRIMARY KEY REFERENCES tenants(id) ON DELETE RESTRICT,
    seq        INTEGER NOT NULL,
    hash       TEXT NOT NULL
);
INSERT INTO audit_heads_kept SELECT tenant_id, seq, hash FROM audit_heads;
DROP TABLE audit_heads;
ALTER TABLE audit_heads_kept RENAME TO audit_heads;
