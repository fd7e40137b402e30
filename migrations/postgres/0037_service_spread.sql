-- Issue 15, point 8: forecast-driven policies may spread a class's service level by value
-- (`engine::policy::spread_service_level`), which needs the class's average value sold a
-- day. Each stored forecast keeps its mean units a day over its horizon so that average
-- is one aggregate over `forecasts`; existing rows are filled from their daily figures.
ALTER TABLE forecasts ADD COLUMN daily_mean DOUBLE PRECISION NOT NULL DEFAULT 0;
-- Row-level security binds the owner too (FORCE), and a migration runs with no tenant
-- scope: the backfill of every tenant's rows lifts FORCE for its own statement.
ALTER TABLE forecasts NO FORCE ROW LEVEL SECURITY;
UPDATE forecasts SET daily_mean = COALESCE(
    (SELECT AVG(x::DOUBLE PRECISION) FROM jsonb_array_elements_text(daily::jsonb) AS x), 0);
ALTER TABLE forecasts FORCE ROW LEVEL SECURITY;
