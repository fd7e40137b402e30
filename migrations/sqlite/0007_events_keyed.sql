-- Stock events keyed by (tenant, source, external id) in the table itself (SQLite).
-- Never edit once released. ../postgres/0007_events_keyed.sql is a no-op (PostgreSQL
-- keeps its heap table and unique index).
--
-- The rowid table plus its unique index wrote two b-trees per event; a WITHOUT ROWID
-- table keyed by the idempotency key writes one, which is most of the cost of ingesting
-- an event. Nothing refers to the old surrogate id.
CREATE TABLE stock_events_keyed (
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    source       TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('sale','return','adjustment','receipt','count')),
    location_id  INTEGER NOT NULL REFERENCES locations(id),
    product_id   INTEGER NOT NULL REFERENCES products(id),
    quantity     INTEGER NOT NULL,
    occurred_at  INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, source, external_id)
) WITHOUT ROWID;

INSERT INTO stock_events_keyed (tenant_id, source, external_id, kind, location_id,
    product_id, quantity, occurred_at, received_at)
SELECT tenant_id, source, external_id, kind, location_id, product_id, quantity,
    occurred_at, received_at
FROM stock_events;

DROP TABLE stock_events;
ALTER TABLE stock_events_keyed RENAME TO stock_events;
