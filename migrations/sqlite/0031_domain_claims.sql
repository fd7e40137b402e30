-- Custom domains a tenant admin adds in the portal (issue 13, point 5): each waits,
-- with its token, until the tenant proves it controls the host (a file at
-- http://<domain>/.well-known/portal-verification.txt holding the token); verified, the
-- domain joins tenant_domains and the portal answers on it.
CREATE TABLE domain_claims (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    domain       TEXT NOT NULL,
    token        TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    verified_at  INTEGER,
    UNIQUE (tenant_id, domain)
);
