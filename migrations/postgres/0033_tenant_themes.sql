-- Themes edited in the portal (issue 13, point 4). A tenant's own theme (TOML, checked
-- like a pack's) and its uploaded logo and favicon; `tenants.theme_version` is bumped on
-- each save, so every replica shows the new theme as soon as it reads the tenant again.
ALTER TABLE tenants ADD COLUMN theme_version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE tenant_themes (
    tenant_id   BIGINT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    theme       TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE tenant_theme_assets (
    tenant_id     BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (name IN ('logo', 'favicon')),
    content_type  TEXT NOT NULL,
    bytes         BYTEA NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

ALTER TABLE tenant_themes ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_themes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_themes USING (tenant_id = shelfwise_tenant())
    WITH CHECK (tenant_id = shelfwise_tenant());

ALTER TABLE tenant_theme_assets ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_theme_assets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_theme_assets USING (tenant_id = shelfwise_tenant())
    WITH CHECK (tenant_id = shelfwise_tenant());
