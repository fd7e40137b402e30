-- Issue 15, point 4: the assistant's bounded autonomy. `tenant_settings.assistant_limits`
-- keeps the tenant's hard limits (JSON; absent means off). Each need keeps the
-- assistant's confidence in its quantity (per cent) and why. `assistant_decisions`
-- records every proposal the assistant judged (in shadow or act mode): the document,
-- its value and confidence, the verdict (`act` or `refer`), whether it acted, the
-- reasons and the inputs; the shadow comparison and the day's spent limit read it.
ALTER TABLE tenant_settings ADD COLUMN assistant_limits TEXT;

ALTER TABLE needs ADD COLUMN confidence_pct INTEGER CHECK (confidence_pct BETWEEN 0 AND 100);
ALTER TABLE needs ADD COLUMN confidence_reason TEXT;

CREATE TABLE assistant_decisions (
    id            INTEGER PRIMARY KEY,
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    doc_type      TEXT NOT NULL CHECK (doc_type IN ('transfer', 'purchase_order')),
    doc_id        INTEGER NOT NULL,
    mode          TEXT NOT NULL CHECK (mode IN ('shadow', 'act')),
    verdict       TEXT NOT NULL CHECK (verdict IN ('act', 'refer')),
    acted         INTEGER NOT NULL,
    value_minor   INTEGER NOT NULL,
    confidence_pct INTEGER NOT NULL,
    reasons       TEXT NOT NULL,
    inputs        TEXT NOT NULL,
    decided_at    INTEGER NOT NULL
);
CREATE INDEX assistant_decisions_by_time ON assistant_decisions (tenant_id, decided_at);

-- Issue 15, point 5: backtests a planner runs from the portal on the tenant's own
-- network (its last days of sales, or a demand CSV it uploaded), the current levels
-- against a candidate rule, on the imports queue. `progress_done` of `progress_total`
-- simulated days; `result` holds both reports (JSON) once done, `error` why it failed.
CREATE TABLE backtest_runs (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    requested_by    TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    days            INTEGER NOT NULL,
    candidate       TEXT NOT NULL,
    service_level   REAL,
    source          TEXT NOT NULL CHECK (source IN ('history', 'csv')),
    csv             TEXT,
    progress_done   INTEGER NOT NULL DEFAULT 0,
    progress_total  INTEGER NOT NULL DEFAULT 0,
    result          TEXT,
    error           TEXT,
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER
);
CREATE INDEX backtest_runs_by_tenant ON backtest_runs (tenant_id, id);
