-- Browsers a member has signed in from before (a random token in a long-lived cookie,
-- stored here only as its SHA-256). Guessing at an account from elsewhere slows that
-- account's sign-ins down; from a known browser its owner still gets in (OWASP's device
-- cookies), so nobody can lock a member out by guessing at their account.
CREATE TABLE known_devices (
    token_hash  TEXT PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL
);
