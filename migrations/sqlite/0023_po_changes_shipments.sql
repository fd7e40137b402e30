-- Supplier changes, ship notices and receipts (issue 10); see the PostgreSQL twin.
-- SQLite cannot change a CHECK constraint in place, and a migration runs in a
-- transaction with foreign keys on (sqlx 0.8's SQLite migrator ignores
-- `-- no-transaction`), where dropping the old orders table would cascade to every row
-- that references it. So, as 0014 did, the orders table and every table that
-- references it (lines, promises, links, messages and their files) are rebuilt
-- together: the new tables point at the new orders, the old ones are dropped children
-- first (nothing left to cascade to), and renaming the new tables carries the
-- references along. The orders gain the agreed delivery day, the lines what shipped,
-- what arrived and a day of their own (a line backordered through a change).
CREATE TABLE purchase_orders_new (
    id                   INTEGER PRIMARY KEY,
    tenant_id            INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    supplier_id          INTEGER NOT NULL REFERENCES suppliers(id),
    ship_to_location_id  INTEGER NOT NULL REFERENCES locations(id),
    state                TEXT NOT NULL CHECK (state IN ('draft','pending_approval','approved','sent','acknowledged','backordered','change_proposed','change_approval','shipped','partly_received','closed','declined','rejected','cancelled')),
    value_minor          INTEGER NOT NULL DEFAULT 0,
    consolidation_key    TEXT NOT NULL,
    window_closes_at     INTEGER NOT NULL,
    involved_users       TEXT NOT NULL DEFAULT '[]',
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    sent_at              INTEGER,
    promised_on          INTEGER,
    supplier_note        TEXT NOT NULL DEFAULT '',
    ack_due_at           INTEGER,
    agreed_on            INTEGER
);
INSERT INTO purchase_orders_new (id, tenant_id, supplier_id, ship_to_location_id, state,
    value_minor, consolidation_key, window_closes_at, involved_users, created_at, updated_at,
    sent_at, promised_on, supplier_note, ack_due_at)
SELECT id, tenant_id, supplier_id, ship_to_location_id, state, value_minor, consolidation_key,
    window_closes_at, involved_users, created_at, updated_at, sent_at, promised_on,
    supplier_note, ack_due_at FROM purchase_orders;
-- (agreed_on starts empty: older orders are judged by their latest promised day.)
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
    shipped          INTEGER NOT NULL DEFAULT 0,
    received         INTEGER NOT NULL DEFAULT 0,
    promised_on      INTEGER,
    UNIQUE (po_id, product_id)
);
INSERT INTO po_lines_new (id, tenant_id, po_id, product_id, quantity, unit_cost_minor, need_id,
    reason, snapshot)
SELECT id, tenant_id, po_id, product_id, quantity, unit_cost_minor, need_id, reason, snapshot
FROM po_lines;
CREATE TABLE po_promises_new (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id        INTEGER NOT NULL REFERENCES purchase_orders_new(id) ON DELETE CASCADE,
    promised_on  INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    recorded_at  INTEGER NOT NULL
);
INSERT INTO po_promises_new (id, tenant_id, po_id, promised_on, actor, recorded_at)
SELECT id, tenant_id, po_id, promised_on, actor, recorded_at FROM po_promises;
CREATE TABLE po_links_new (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id        INTEGER NOT NULL REFERENCES purchase_orders_new(id) ON DELETE CASCADE,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER,
    created_at   INTEGER NOT NULL
);
INSERT INTO po_links_new (id, tenant_id, po_id, expires_at, revoked_at, created_at)
SELECT id, tenant_id, po_id, expires_at, revoked_at, created_at FROM po_links;
CREATE TABLE po_messages_new (
    id             INTEGER PRIMARY KEY,
    tenant_id      INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id          INTEGER NOT NULL REFERENCES purchase_orders_new(id) ON DELETE CASCADE,
    from_supplier  BOOLEAN NOT NULL,
    actor          TEXT NOT NULL,
    author         TEXT NOT NULL,
    body           TEXT NOT NULL,
    created_at     INTEGER NOT NULL
);
INSERT INTO po_messages_new (id, tenant_id, po_id, from_supplier, actor, author, body, created_at)
SELECT id, tenant_id, po_id, from_supplier, actor, author, body, created_at FROM po_messages;
CREATE TABLE po_attachments_new (
    id            INTEGER PRIMARY KEY,
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id         INTEGER NOT NULL REFERENCES purchase_orders_new(id) ON DELETE CASCADE,
    message_id    INTEGER NOT NULL REFERENCES po_messages_new(id) ON DELETE CASCADE,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    data          BLOB NOT NULL,
    created_at    INTEGER NOT NULL
);
INSERT INTO po_attachments_new (id, tenant_id, po_id, message_id, file_name, content_type,
    size_bytes, data, created_at)
SELECT id, tenant_id, po_id, message_id, file_name, content_type, size_bytes, data, created_at
FROM po_attachments;

DROP TABLE po_attachments;
DROP TABLE po_messages;
DROP TABLE po_links;
DROP TABLE po_promises;
DROP TABLE po_lines;
DROP TABLE purchase_orders;
ALTER TABLE purchase_orders_new RENAME TO purchase_orders;
ALTER TABLE po_lines_new RENAME TO po_lines;
ALTER TABLE po_promises_new RENAME TO po_promises;
ALTER TABLE po_links_new RENAME TO po_links;
ALTER TABLE po_messages_new RENAME TO po_messages;
ALTER TABLE po_attachments_new RENAME TO po_attachments;
CREATE UNIQUE INDEX purchase_orders_open_window ON purchase_orders (tenant_id, consolidation_key) WHERE state = 'draft';
CREATE INDEX purchase_orders_state ON purchase_orders (tenant_id, state, id);
CREATE INDEX purchase_orders_supplier ON purchase_orders (tenant_id, supplier_id, id);
CREATE INDEX purchase_orders_sent ON purchase_orders (tenant_id, sent_at);
CREATE INDEX po_promises_po ON po_promises (tenant_id, po_id, id);
CREATE INDEX po_links_po ON po_links (tenant_id, po_id);
CREATE INDEX po_messages_po ON po_messages (tenant_id, po_id, id);
CREATE INDEX po_attachments_po ON po_attachments (tenant_id, po_id, id);

-- A proposed change to an order: the whole order as it would be (lines as JSON:
-- [{"line_id", "quantity", "unit_cost_minor", "ships_on"}], a quantity of 0 drops the
-- line, `ships_on` a line's own later day) and
-- the delivery day. At most one is open per order; the rest is its history.
CREATE TABLE po_changes (
    id             INTEGER PRIMARY KEY,
    tenant_id      INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id          INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    proposed_by    TEXT NOT NULL CHECK (proposed_by IN ('buyer','supplier')),
    from_state     TEXT NOT NULL DEFAULT 'sent' CHECK (from_state IN ('sent','acknowledged','backordered')),
    state          TEXT NOT NULL CHECK (state IN ('open','accepted','rejected','not_approved','superseded','cancelled')),
    promised_on    INTEGER NOT NULL,
    lines          TEXT NOT NULL,
    value_minor    INTEGER NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    actor          TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    decided_at     INTEGER,
    decided_by     TEXT,
    decision_note  TEXT NOT NULL DEFAULT '',
    -- It answered the other side's proposal (a counter, which superseded that one).
    countered      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX po_changes_po ON po_changes (tenant_id, po_id, id);
CREATE UNIQUE INDEX po_changes_open ON po_changes (po_id) WHERE state = 'open';

-- A ship notice (ASN) and its lines; received once, with what arrived and what was
-- damaged per line.
CREATE TABLE po_asns (
    id             INTEGER PRIMARY KEY,
    tenant_id      INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id          INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    state          TEXT NOT NULL CHECK (state IN ('in_transit','received')),
    carrier        TEXT NOT NULL DEFAULT '',
    tracking       TEXT NOT NULL DEFAULT '',
    expected_on    INTEGER NOT NULL,
    actor          TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    received_at    INTEGER,
    received_by    TEXT
);
CREATE INDEX po_asns_po ON po_asns (tenant_id, po_id, id);

CREATE TABLE po_asn_lines (
    id             INTEGER PRIMARY KEY,
    tenant_id      INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    asn_id         INTEGER NOT NULL REFERENCES po_asns(id) ON DELETE CASCADE,
    po_line_id     INTEGER NOT NULL REFERENCES po_lines(id) ON DELETE CASCADE,
    shipped        INTEGER NOT NULL CHECK (shipped > 0),
    received       INTEGER,
    damaged        INTEGER,
    UNIQUE (asn_id, po_line_id)
);
CREATE INDEX po_asn_lines_asn ON po_asn_lines (tenant_id, asn_id);


-- A supplier's lead time as measured from its deliveries (sent to the last receipt of
-- each order it delivered, the median of its last 20), once it has delivered at least
-- 5; replenishment uses it over the nominal `lead_time_days` (a policy's own still
-- comes first).
ALTER TABLE suppliers ADD COLUMN measured_lead_time_days INTEGER;
ALTER TABLE suppliers ADD COLUMN measured_deliveries INTEGER NOT NULL DEFAULT 0;
