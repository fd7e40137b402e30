-- Keeps the migration versions of both backends in step with
-- ../sqlite/0007_events_keyed.sql, which rebuilds SQLite's events table keyed by
-- (tenant, source, external id). PostgreSQL keeps its heap table and unique index.
SELECT 1;
