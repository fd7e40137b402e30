-- Row-level security is PostgreSQL's (see ../postgres/0012_row_level_security.sql).
-- The embedded SQLite database has one user, the process itself, so there the store's
-- own tenant filters are the isolation. Kept so both sets stay numbered in step.
SELECT 1;
