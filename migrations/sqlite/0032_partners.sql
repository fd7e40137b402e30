-- Partners and the platform get portals of their own (issue 13, points 1, 2 and 7): a
-- tenant's kind says what its portal is for. A partner's console is a tenant of kind
-- 'partner' that belongs to the partner; its clients are the partner's 'retailer'
-- tenants. The platform's console is the tenant of kind 'platform'.
ALTER TABLE tenants ADD COLUMN kind TEXT NOT NULL DEFAULT 'retailer'
    CHECK (kind IN ('retailer', 'partner', 'platform'));

-- A client tenant a partner provisions from a template, and how far that has got. The
-- row belongs to the partner's console; the client tenant exists from the first step.
CREATE TABLE provisionings (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id       INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    template        TEXT NOT NULL,
    admin_email     TEXT NOT NULL,
    admin_name      TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    steps_done      INTEGER NOT NULL DEFAULT 0,
    steps_total     INTEGER NOT NULL,
    step            TEXT NOT NULL DEFAULT '',
    error           TEXT,
    created_by      INTEGER NOT NULL REFERENCES users(id),
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER,
    UNIQUE (client_id)
);
CREATE INDEX provisionings_tenant ON provisionings (tenant_id, id);

-- A partner admin's act-as session in a client tenant: explicit, time-limited, with a
-- reason. The row belongs to the client, whose admins see it in their audit trail. The
-- browser enters the client's host with a one-time hand-over token (only its hash is kept).
CREATE TABLE act_as_sessions (
    id                INTEGER PRIMARY KEY,
    tenant_id         INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    partner_tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id           INTEGER NOT NULL REFERENCES users(id),
    role              TEXT NOT NULL,
    reason            TEXT NOT NULL,
    started_at        INTEGER NOT NULL,
    expires_at        INTEGER NOT NULL,
    ended_at          INTEGER,
    handover_hash     TEXT NOT NULL UNIQUE,
    handover_expires  INTEGER NOT NULL,
    entered_at        INTEGER
);
CREATE INDEX act_as_sessions_tenant ON act_as_sessions (tenant_id, id);
