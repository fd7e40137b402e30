-- CSV imports (issue 12): the uploaded file, where its check and apply are, and the
-- report of the check (row errors, what would change), shown before anything is applied.
CREATE TABLE imports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('products','locations','suppliers','stock_counts','policies')),
    state        TEXT NOT NULL CHECK (state IN ('checking','checked','invalid','applying','applied','failed')),
    file_name    TEXT NOT NULL,
    body         TEXT NOT NULL,
    rows_total   INTEGER NOT NULL DEFAULT 0,
    rows_done    INTEGER NOT NULL DEFAULT 0,
    report       TEXT,
    created_by   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    applied_at   INTEGER
);
CREATE INDEX imports_tenant ON imports (tenant_id, id);
