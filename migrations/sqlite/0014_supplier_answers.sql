-- The supplier's answer to a purchase order (issue 10); see the PostgreSQL twin.
-- SQLite cannot change a CHECK constraint in place, and a migration runs in a
-- transaction with foreign keys on: the order table and its lines (the only table that
-- references it) are rebuilt together, the new lines pointing at the new orders, the
-- old tables dropped lines first (so nothing cascades), and renaming the new orders
-- carries the lines' reference along.
CREATE TABLE purchase_orders_new (
    id                   INTEGER PRIMARY KEY,
    tenant_id            INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    supplier_id          INTEGER NOT NULL REFERENCES suppliers(id),
    ship_to_location_id  INTEGER NOT NULL REFERENCES locations(id),
    state                TEXT NOT NULL CHECK (state IN ('draft','pending_approval','approved','sent','acknowledged','declined','rejected','cancelled')),
    value_minor          INTEGER NOT NULL DEFAULT 0,
    consolidation_key    TEXT NOT NULL,
    window_closes_at     INTEGER NOT NULL,
    involved_users       TEXT NOT NULL DEFAULT '[]',
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    sent_at              INTEGER,
    promised_on          INTEGER,
    supplier_note        TEXT NOT NULL DEFAULT ''
);
INSERT INTO purchase_orders_new (id, tenant_id, supplier_id, ship_to_location_id, state,
    value_minor, consolidation_key, window_closes_at, involved_users, created_at, updated_at, sent_at)
SELECT id, tenant_id, supplier_id, ship_to_location_id, state, value_minor, consolidation_key,
    window_closes_at, involved_users, created_at, updated_at, sent_at FROM purchase_orders;
CREATE TABLE po_lines_new (
    id               INTEGER PRIMARY KEY,
    tenant_id        INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id            INTEGER NOT NULL REFERENCES purchase_orders_new(id) ON DELETE CASCADE,
    product_id       INTEGER NOT NULL REFERENCES products(id),
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_cost_minor  INTEGER NOT NULL,
    need_id          INTEGER REFERENCES needs(id),
    reason           TEXT NOT NULL,
    snapshot         TEXT NOT NULL,
    UNIQUE (po_id, product_id)
);
INSERT INTO po_lines_new SELECT id, tenant_id, po_id, product_id, quantity, unit_cost_minor,
    need_id, reason, snapshot FROM po_lines;
DROP TABLE po_lines;
DROP TABLE purchase_orders;
ALTER TABLE purchase_orders_new RENAME TO purchase_orders;
ALTER TABLE po_lines_new RENAME TO po_lines;
CREATE UNIQUE INDEX purchase_orders_open_window ON purchase_orders (tenant_id, consolidation_key) WHERE state = 'draft';
CREATE INDEX purchase_orders_state ON purchase_orders (tenant_id, state, id);

CREATE TABLE po_promises (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id        INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    promised_on  INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    recorded_at  INTEGER NOT NULL
);
CREATE INDEX po_promises_po ON po_promises (tenant_id, po_id, id);

CREATE TABLE po_links (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id        INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER,
    created_at   INTEGER NOT NULL
);
CREATE INDEX po_links_po ON po_links (tenant_id, po_id);

CREATE TABLE signing_keys (
    purpose      TEXT PRIMARY KEY,
    secret       TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
