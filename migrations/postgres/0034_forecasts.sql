-- Demand forecasts per (location, product) (issue 15, point 1). `forecasts` keeps each
-- series' latest forecast (method, the next days' units as a JSON array, its measured
-- daily error, MASE, and why it fell back when it did); `forecast_stale` marks the series
-- whose sales changed since, for the refresh job (`forecast::refresh`), which keeps a mark
-- made while it computed.
CREATE TABLE forecasts (
    tenant_id     BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    location_id   BIGINT NOT NULL,
    product_id    BIGINT NOT NULL,
    method        TEXT NOT NULL,
    pattern       TEXT NOT NULL,
    daily         TEXT NOT NULL,
    sigma         DOUBLE PRECISION NOT NULL,
    mase          DOUBLE PRECISION,
    history_days  BIGINT NOT NULL,
    note          TEXT,
    computed_at   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, location_id, product_id)
);

CREATE TABLE forecast_stale (
    tenant_id    BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    location_id  BIGINT NOT NULL,
    product_id   BIGINT NOT NULL,
    marked_at    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, location_id, product_id)
);

ALTER TABLE forecasts ENABLE ROW LEVEL SECURITY;
ALTER TABLE forecasts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON forecasts USING (tenant_id = shelfwise_tenant())
    WITH CHECK (tenant_id = shelfwise_tenant());

ALTER TABLE forecast_stale ENABLE ROW LEVEL SECURITY;
ALTER TABLE forecast_stale FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON forecast_stale USING (tenant_id = shelfwise_tenant())
    WITH CHECK (tenant_id = shelfwise_tenant());

-- How much a supplier's lead time varies (sample standard deviation in days, over the
-- same deliveries as `measured_lead_time_days`): forecast-driven safety stock covers it.
ALTER TABLE suppliers ADD COLUMN measured_lead_time_sd DOUBLE PRECISION;

-- The nightly sweep marks every series that sold in the last weeks: by day, not by
-- scanning the tenant's whole sales history.
CREATE INDEX daily_demand_by_day ON daily_demand (tenant_id, day);
