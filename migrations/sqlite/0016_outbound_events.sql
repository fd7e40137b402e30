-- Events for the tenant's integrations, written in the transaction of the change they
-- report (the outbox): a purchase order sent, acknowledged, declined or cancelled.
-- Delivering them (webhooks) is the integration surface's; until then they wait here.
CREATE TABLE outbound_events (
    id            INTEGER PRIMARY KEY,
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    subject       TEXT NOT NULL,
    payload       TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    delivered_at  INTEGER
);
CREATE INDEX outbound_events_pending ON outbound_events (tenant_id, id) WHERE delivered_at IS NULL;
