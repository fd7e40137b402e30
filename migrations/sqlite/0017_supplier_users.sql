-- Supplier organisations' users and the invitations that bring people in.
-- A supplier user belongs to one supplier of one tenant (a person who supplies several
-- retailers has one membership, and one such row, per retailer). An invitation is
-- opened by a signed link (see engine/src/links.rs): nothing secret is stored here.
CREATE TABLE supplier_members (
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    supplier_id  INTEGER NOT NULL REFERENCES suppliers(id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX supplier_members_supplier ON supplier_members (tenant_id, supplier_id);

CREATE TABLE invitations (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    email        TEXT NOT NULL,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('tenant_admin','planner','approver','supplier','partner_admin','platform_admin')),
    supplier_id  INTEGER REFERENCES suppliers(id) ON DELETE CASCADE,
    invited_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    accepted_at  INTEGER,
    accepted_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    revoked_at   INTEGER,
    -- Wrong passwords given to accept it for an existing account; at five it is withdrawn.
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    CHECK ((role = 'supplier') = (supplier_id IS NOT NULL))
);
CREATE INDEX invitations_tenant ON invitations (tenant_id, id);

-- The supplier portal lists one supplier's orders, newest first.
CREATE INDEX purchase_orders_supplier ON purchase_orders (tenant_id, supplier_id, id);
