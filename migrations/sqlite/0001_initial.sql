-- Shelfwise initial schema (SQLite). Never edit once released: add a new migration.
-- Integer ids, epoch-millisecond timestamps, money in minor units: the same shapes as the
-- PostgreSQL set in ../postgres/0001_initial.sql, so one query text serves both.

CREATE TABLE partners (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE tenants (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    theme       TEXT NOT NULL,
    partner_id  INTEGER REFERENCES partners(id),
    currency    TEXT NOT NULL DEFAULT 'EUR',
    created_at  INTEGER NOT NULL
);

-- A custom domain or full subdomain host that resolves to one tenant.
CREATE TABLE tenant_domains (
    domain      TEXT PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    INTEGER NOT NULL
);

CREATE TABLE memberships (
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('tenant_admin','planner','approver','supplier','partner_admin','platform_admin')),
    PRIMARY KEY (tenant_id, user_id, role)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE locations (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('dc','store')),
    region      TEXT NOT NULL,
    latitude    REAL,
    longitude   REAL,
    UNIQUE (tenant_id, code)
);

CREATE TABLE suppliers (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    code            TEXT NOT NULL,
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    lead_time_days  INTEGER NOT NULL CHECK (lead_time_days >= 0),
    UNIQUE (tenant_id, code)
);

CREATE TABLE products (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    sku          TEXT NOT NULL,
    name         TEXT NOT NULL,
    class        TEXT NOT NULL,
    cost_minor   INTEGER NOT NULL CHECK (cost_minor >= 0),
    price_minor  INTEGER NOT NULL CHECK (price_minor >= 0),
    supplier_id  INTEGER REFERENCES suppliers(id),
    UNIQUE (tenant_id, sku)
);
CREATE INDEX products_class ON products (tenant_id, class, sku);

-- One row per (location, product). `low` is derived so the low-stock filter can use an index.
CREATE TABLE stock_positions (
    tenant_id      INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    product_id     INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    location_id    INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    on_hand        INTEGER NOT NULL DEFAULT 0,
    in_transit     INTEGER NOT NULL DEFAULT 0,
    on_order       INTEGER NOT NULL DEFAULT 0,
    reorder_point  INTEGER NOT NULL DEFAULT 0,
    order_up_to    INTEGER NOT NULL DEFAULT 0,
    updated_at     INTEGER NOT NULL,
    low            BOOLEAN GENERATED ALWAYS AS (on_hand + in_transit + on_order <= reorder_point) STORED,
    PRIMARY KEY (tenant_id, product_id, location_id)
) WITHOUT ROWID;
CREATE INDEX stock_positions_location ON stock_positions (tenant_id, location_id, product_id);
CREATE INDEX stock_positions_low ON stock_positions (tenant_id, low, product_id);

-- Integration keys: only a SHA-256 of the key is kept; the prefix lets an admin recognise it.
CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    prefix      TEXT NOT NULL,
    key_hash    TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);

-- Every accepted stock event, once per (tenant, source, external id).
CREATE TABLE stock_events (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    source       TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('sale','return','adjustment','receipt','count')),
    location_id  INTEGER NOT NULL REFERENCES locations(id),
    product_id   INTEGER NOT NULL REFERENCES products(id),
    quantity     INTEGER NOT NULL,
    occurred_at  INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    UNIQUE (tenant_id, source, external_id)
);
