-- Issue 15, point 8: forecast-driven policies may spread a class's service level by value
-- (`engine::policy::spread_service_level`), which needs the class's average value sold a
-- day. Each stored forecast keeps its mean units a day over its horizon so that average
-- is one aggregate over `forecasts`; existing rows are filled from their daily figures.
ALTER TABLE forecasts ADD COLUMN daily_mean REAL NOT NULL DEFAULT 0;
UPDATE forecasts SET daily_mean = COALESCE(
    (SELECT AVG(CAST(value AS REAL)) FROM json_each(forecasts.daily)), 0);
