-- Demand forecasts per (location, product) (issue 15, point 1). `forecasts` keeps each
-- series' latest forecast (method, the next days' units as a JSON array, its measured
-- daily error, MASE, and why it fell back when it did); `forecast_stale` marks the series
-- whose sales changed since, for the refresh job (`forecast::refresh`), which keeps a mark
-- made while it computed.
CREATE TABLE forecasts (
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    location_id   INTEGER NOT NULL,
    product_id    INTEGER NOT NULL,
    method        TEXT NOT NULL,
    pattern       TEXT NOT NULL,
    daily         TEXT NOT NULL,
    sigma         REAL NOT NULL,
    mase          REAL,
    history_days  INTEGER NOT NULL,
    note          TEXT,
    computed_at   INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, location_id, product_id)
) WITHOUT ROWID;

CREATE TABLE forecast_stale (
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    location_id  INTEGER NOT NULL,
    product_id   INTEGER NOT NULL,
    marked_at    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, location_id, product_id)
) WITHOUT ROWID;

-- How much a supplier's lead time varies (sample standard deviation in days, over the
-- same deliveries as `measured_lead_time_days`): forecast-driven safety stock covers it.
ALTER TABLE suppliers ADD COLUMN measured_lead_time_sd REAL;

-- The nightly sweep marks every series that sold in the last weeks: by day, not by
-- scanning the tenant's whole sales history.
CREATE INDEX daily_demand_by_day ON daily_demand (tenant_id, day);
