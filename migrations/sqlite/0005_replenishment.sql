-- Replenishment engine (SQLite). Never edit once released: add a new migration.
-- Same shape as ../postgres/0005_replenishment.sql: policies, needs, transfers, purchase
-- orders, approval steps, delegations, exceptions, and the jobs table's debounce key.

-- At most one not-yet-started job per debounce key (cleared when the job is claimed), so a
-- burst of events for one position queues one evaluation, and an event that arrives while
-- it runs queues the next.
ALTER TABLE jobs ADD COLUMN debounce_key TEXT;
CREATE UNIQUE INDEX jobs_debounce_key ON jobs (debounce_key) WHERE debounce_key IS NOT NULL;
CREATE INDEX jobs_finalized ON jobs (state, finalized_at);

-- Per-tenant workflow settings. The approval matrix is JSON (engine::approval::Matrix).
CREATE TABLE tenant_settings (
    tenant_id           INTEGER PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    po_window_minutes   INTEGER NOT NULL DEFAULT 60 CHECK (po_window_minutes BETWEEN 1 AND 10080),
    approval_matrix     TEXT,
    matrix_version      INTEGER NOT NULL DEFAULT 0,
    updated_at          INTEGER NOT NULL
);

-- Policy settings per product class ('*' for every class), optionally for one location.
-- The levels themselves are the position's reorder point and order-up-to.
CREATE TABLE replenishment_policies (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    class        TEXT NOT NULL,
    location_id  INTEGER REFERENCES locations(id) ON DELETE CASCADE,
    settings     TEXT NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX replenishment_policies_scope
    ON replenishment_policies (tenant_id, class, COALESCE(location_id, 0));

-- Units sold per position and day (epoch day), for demand variability.
CREATE TABLE daily_demand (
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    location_id  INTEGER NOT NULL,
    product_id   INTEGER NOT NULL,
    day          INTEGER NOT NULL,
    quantity     INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, location_id, product_id, day)
) WITHOUT ROWID;

-- A shortfall found by policy. At most one open need per dedupe key: replayed or repeated
-- events never open a second transfer or PO line for it.
CREATE TABLE needs (
    id                 INTEGER PRIMARY KEY,
    tenant_id          INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    location_id        INTEGER NOT NULL REFERENCES locations(id),
    product_id         INTEGER NOT NULL REFERENCES products(id),
    dedupe_key         TEXT NOT NULL,
    state              TEXT NOT NULL CHECK (state IN ('open','closed')),
    quantity           INTEGER NOT NULL,
    transfer_quantity  INTEGER NOT NULL DEFAULT 0,
    purchase_quantity  INTEGER NOT NULL DEFAULT 0,
    reason             TEXT NOT NULL,
    snapshot           TEXT NOT NULL,
    transfer_id        INTEGER,
    po_line_id         INTEGER,
    created_at         INTEGER NOT NULL,
    closed_at          INTEGER
);
CREATE UNIQUE INDEX needs_open_key ON needs (tenant_id, dedupe_key) WHERE state = 'open';

CREATE TABLE transfers (
    id                INTEGER PRIMARY KEY,
    tenant_id         INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    need_id           INTEGER REFERENCES needs(id),
    from_location_id  INTEGER NOT NULL REFERENCES locations(id),
    to_location_id    INTEGER NOT NULL REFERENCES locations(id),
    product_id        INTEGER NOT NULL REFERENCES products(id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    shipped           INTEGER NOT NULL DEFAULT 0,
    received          INTEGER NOT NULL DEFAULT 0,
    unit_cost_minor   INTEGER NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('proposed','pending_approval','approved','shipped','received','rejected','cancelled')),
    reason            TEXT NOT NULL,
    snapshot          TEXT NOT NULL,
    -- JSON array of user ids who requested or changed it (segregation of duties).
    involved_users    TEXT NOT NULL DEFAULT '[]',
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX transfers_state ON transfers (tenant_id, state, id);

CREATE TABLE purchase_orders (
    id                   INTEGER PRIMARY KEY,
    tenant_id            INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    supplier_id          INTEGER NOT NULL REFERENCES suppliers(id),
    ship_to_location_id  INTEGER NOT NULL REFERENCES locations(id),
    state                TEXT NOT NULL CHECK (state IN ('draft','pending_approval','approved','sent','rejected','cancelled')),
    value_minor          INTEGER NOT NULL DEFAULT 0,
    consolidation_key    TEXT NOT NULL,
    window_closes_at     INTEGER NOT NULL,
    involved_users       TEXT NOT NULL DEFAULT '[]',
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    sent_at              INTEGER
);
-- Lines for one supplier and ship-to gather on one draft order per window.
CREATE UNIQUE INDEX purchase_orders_open_window ON purchase_orders (tenant_id, consolidation_key) WHERE state = 'draft';
CREATE INDEX purchase_orders_state ON purchase_orders (tenant_id, state, id);

CREATE TABLE po_lines (
    id               INTEGER PRIMARY KEY,
    tenant_id        INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id            INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    product_id       INTEGER NOT NULL REFERENCES products(id),
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_cost_minor  INTEGER NOT NULL,
    need_id          INTEGER REFERENCES needs(id),
    reason           TEXT NOT NULL,
    snapshot         TEXT NOT NULL,
    UNIQUE (po_id, product_id)
);

-- One row per approval step of one round (a resubmission after an edit starts a new round).
CREATE TABLE approval_steps (
    id            INTEGER PRIMARY KEY,
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    doc_type      TEXT NOT NULL CHECK (doc_type IN ('transfer','purchase_order')),
    doc_id        INTEGER NOT NULL,
    round         INTEGER NOT NULL,
    step_no       INTEGER NOT NULL,
    role          TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('waiting','pending','approved','rejected','withdrawn')),
    rule          TEXT,
    escalate_after_hours INTEGER NOT NULL,
    escalate_to   TEXT,
    escalated     BOOLEAN NOT NULL DEFAULT FALSE,
    due_at        INTEGER,
    decided_by    INTEGER REFERENCES users(id),
    decided_at    INTEGER,
    comment       TEXT,
    created_at    INTEGER NOT NULL,
    UNIQUE (tenant_id, doc_type, doc_id, round, step_no)
);
CREATE INDEX approval_steps_pending ON approval_steps (tenant_id, state, role);

CREATE TABLE delegations (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    from_user   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    to_user     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    from_ms     INTEGER NOT NULL,
    to_ms       INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX delegations_to ON delegations (tenant_id, to_user);

CREATE TABLE exceptions (
    id             INTEGER PRIMARY KEY,
    tenant_id      INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('no_cover','stockout','stale_approval','dead_job','receipt_mismatch')),
    severity       TEXT NOT NULL CHECK (severity IN ('low','medium','high','critical')),
    subject        TEXT NOT NULL,
    title          TEXT NOT NULL,
    detail         TEXT NOT NULL,
    dedupe_key     TEXT NOT NULL,
    owner_user_id  INTEGER REFERENCES users(id),
    state          TEXT NOT NULL CHECK (state IN ('open','resolved')),
    escalated_at   INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    resolved_at    INTEGER,
    resolved_by    INTEGER REFERENCES users(id),
    resolution     TEXT
);
CREATE UNIQUE INDEX exceptions_open_key ON exceptions (tenant_id, dedupe_key) WHERE state = 'open';
CREATE INDEX exceptions_state ON exceptions (tenant_id, state, created_at);

CREATE TABLE exception_comments (
    id            INTEGER PRIMARY KEY,
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    exception_id  INTEGER NOT NULL REFERENCES exceptions(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    body          TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX exception_comments_of ON exception_comments (tenant_id, exception_id, id);
