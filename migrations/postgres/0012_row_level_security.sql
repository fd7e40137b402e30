-- Row-level security: every tenant-owned table shows a statement only the rows of the
-- tenant its connection or transaction is scoped to (engine/src/db.rs, `Scope`), so a
-- query that forgets its tenant filter still returns nothing of another tenant. FORCE
-- makes the policies bind the tables' owner too; only a superuser or a BYPASSRLS role
-- passes them, and `shelfwise serve` refuses to run as one. The application logs in as
-- a role that owns nothing (docs/ARCHITECTURE.md#row-level-security).

-- The scope, as set by the application: `set_config('app.tenant_id', …)` and
-- `set_config('app.system', 'on' | '')`. Unset means no tenant and not the system.
CREATE FUNCTION shelfwise_tenant() RETURNS BIGINT LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::BIGINT $$;
CREATE FUNCTION shelfwise_system() RETURNS BOOLEAN LANGUAGE sql STABLE AS
$$ SELECT COALESCE(current_setting('app.system', true), '') = 'on' $$;

-- One policy per table, the same everywhere: read and write only the scoped tenant's rows.
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'memberships', 'locations', 'suppliers', 'products', 'stock_positions',
        'api_keys', 'stock_events', 'audit_log', 'audit_heads', 'tenant_settings',
        'replenishment_policies', 'daily_demand', 'needs', 'transfers',
        'purchase_orders', 'po_lines', 'approval_steps', 'delegations', 'exceptions',
        'exception_comments', 'dirty_positions', 'known_devices', 'tenant_domains', 'jobs'
    ] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY[
        'memberships', 'locations', 'suppliers', 'products', 'stock_positions',
        'api_keys', 'stock_events', 'audit_log', 'audit_heads', 'tenant_settings',
        'replenishment_policies', 'daily_demand', 'needs', 'transfers',
        'purchase_orders', 'po_lines', 'approval_steps', 'delegations', 'exceptions',
        'exception_comments', 'dirty_positions', 'known_devices', 'tenant_domains'
    ] LOOP
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = shelfwise_tenant()) '
            'WITH CHECK (tenant_id = shelfwise_tenant())', t);
    END LOOP;
END $$;

-- A host names its tenant before anyone knows which tenant it is: the domain list is
-- readable in every scope (it is public in DNS anyway); writing it stays the tenant's.
CREATE POLICY host_lookup ON tenant_domains FOR SELECT USING (true);

-- The job queue is the platform's: workers claim, lease, rescue and count jobs across
-- tenants in the system scope; a tenant's own transactions see and write its own jobs
-- (a change and the jobs it causes commit together).
CREATE POLICY tenant_or_system ON jobs
    USING (shelfwise_system() OR tenant_id = shelfwise_tenant())
    WITH CHECK (shelfwise_system() OR tenant_id = shelfwise_tenant());

-- Sessions live with the rest of the data (the session store's own DDL, created here so
-- that the application role needs no right to create anything).
CREATE SCHEMA IF NOT EXISTS tower_sessions;
CREATE TABLE IF NOT EXISTS tower_sessions.session (
    id          TEXT PRIMARY KEY NOT NULL,
    data        BYTEA NOT NULL,
    expiry_date TIMESTAMPTZ NOT NULL
);
