-- Positions changed since their last policy check (SQLite). Never edit once released.
-- Same shape as ../postgres/0006_dirty_positions.sql.
--
-- Ingestion marks each changed position here, in the transaction that applies the
-- events, and queues one debounced sweep job per tenant; the sweep checks the marked
-- positions in batches and clears each mark in the transaction that checked it, unless
-- the position was marked again meanwhile (the version moved on).
CREATE TABLE dirty_positions (
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    location_id  INTEGER NOT NULL,
    product_id   INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, location_id, product_id)
) WITHOUT ROWID;
