-- Themes edited in the portal (issue 13, point 4). A tenant's own theme (TOML, checked
-- like a pack's) and its uploaded logo and favicon; `tenants.theme_version` is bumped on
-- each save, so every replica shows the new theme as soon as it reads the tenant again.
ALTER TABLE tenants ADD COLUMN theme_version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE tenant_themes (
    tenant_id   INTEGER PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    theme       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE tenant_theme_assets (
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (name IN ('logo', 'favicon')),
    content_type  TEXT NOT NULL,
    bytes         BLOB NOT NULL,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
