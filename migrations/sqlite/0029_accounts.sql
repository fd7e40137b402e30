-- Members and accounts (issue 13, point 3): deactivated members, password resets,
-- two-step sign-in (TOTP, RFC 6238) with recovery codes, and a tenant's demand for it.

-- A member a tenant admin deactivated keeps their roles (so reactivating restores them)
-- but cannot sign in to this tenant, and their sessions here end at once.
CREATE TABLE deactivated_members (
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    deactivated_at  INTEGER NOT NULL,
    deactivated_by  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

-- Sign-ins that began before this instant end (a password was reset or changed).
ALTER TABLE users ADD COLUMN sessions_after INTEGER NOT NULL DEFAULT 0;

-- A password reset asked for on one tenant's portal. Its link is signed
-- (engine/src/links.rs); nothing secret is stored here. It works once, until it expires.
CREATE TABLE password_resets (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);
CREATE INDEX password_resets_user ON password_resets (tenant_id, user_id);

-- A person's authenticator (one per account, whichever portal they sign in to). The
-- secret is sealed (engine/src/addresses.rs, purpose "totp"); `confirmed_at` is NULL
-- while it is being set up; `last_step` is the newest time step accepted, so a code
-- is never accepted twice.
CREATE TABLE user_totp (
    user_id       INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret_sealed TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    confirmed_at  INTEGER,
    last_step     INTEGER NOT NULL DEFAULT 0
);

-- One-time recovery codes, stored as SHA-256 hashes (each code has 50 random bits).
CREATE TABLE recovery_codes (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    used_at    INTEGER,
    PRIMARY KEY (user_id, code_hash)
);

-- The tenant admin can require two-step sign-in of everyone who signs in to the tenant.
ALTER TABLE tenant_settings ADD COLUMN require_two_factor BOOLEAN NOT NULL DEFAULT FALSE;
