-- Issue 15, points 3 and 6. Anomaly checks on incoming events: the tenant's thresholds
-- (`tenant_settings.anomaly_settings`, JSON; absent means the defaults), each series'
-- robust sale statistics kept with its forecast (median and median absolute deviation
-- of the days it sold, and how many days that is), and a new exception kind, `anomaly`,
-- which holds the position's automatic cover until a planner confirms the event.
-- `exceptions.evidence` (JSON) keeps the anomalous event, so rejecting it can undo it.
-- Risk-ranked exceptions: what an exception is expected to cost in lost sales (minor
-- units) and the sentence that explains the figure. SQLite cannot change a CHECK
-- constraint in place, so the exceptions table and its comments are rebuilt as 0018 did.
ALTER TABLE tenant_settings ADD COLUMN anomaly_settings TEXT;

ALTER TABLE forecasts ADD COLUMN sale_median REAL;
ALTER TABLE forecasts ADD COLUMN sale_mad REAL;
ALTER TABLE forecasts ADD COLUMN sale_days INTEGER NOT NULL DEFAULT 0;

CREATE TABLE exceptions_new (
    id               INTEGER PRIMARY KEY,
    tenant_id        INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('no_cover','stockout','stale_approval','dead_job','receipt_mismatch','supplier_late','anomaly')),
    severity         TEXT NOT NULL CHECK (severity IN ('low','medium','high','critical')),
    subject          TEXT NOT NULL,
    title            TEXT NOT NULL,
    detail           TEXT NOT NULL,
    dedupe_key       TEXT NOT NULL,
    owner_user_id    INTEGER REFERENCES users(id),
    state            TEXT NOT NULL CHECK (state IN ('open','resolved')),
    escalated_at     INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    resolved_at      INTEGER,
    resolved_by      INTEGER REFERENCES users(id),
    resolution       TEXT,
    lost_sales_minor INTEGER CHECK (lost_sales_minor >= 0),
    risk_basis       TEXT,
    evidence         TEXT
);
INSERT INTO exceptions_new SELECT id, tenant_id, kind, severity, subject, title, detail,
    dedupe_key, owner_user_id, state, escalated_at, created_at, updated_at, resolved_at,
    resolved_by, resolution, NULL, NULL, NULL FROM exceptions;
CREATE TABLE exception_comments_new (
    id            INTEGER PRIMARY KEY,
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    exception_id  INTEGER NOT NULL REFERENCES exceptions_new(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    body          TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);
INSERT INTO exception_comments_new SELECT id, tenant_id, exception_id, user_id, body, created_at
    FROM exception_comments;
DROP TABLE exception_comments;
DROP TABLE exceptions;
ALTER TABLE exceptions_new RENAME TO exceptions;
ALTER TABLE exception_comments_new RENAME TO exception_comments;
CREATE UNIQUE INDEX exceptions_open_key ON exceptions (tenant_id, dedupe_key) WHERE state = 'open';
CREATE INDEX exceptions_state ON exceptions (tenant_id, state, created_at);
CREATE INDEX exception_comments_of ON exception_comments (tenant_id, exception_id, id);
