-- The two PostgreSQL roles Shelfwise runs with (docs/ARCHITECTURE.md#row-level-security).
-- Run once per server as a superuser: `psql -f scripts/postgres-roles.sql`; idempotent,
-- and safe to run from several processes at once (the test harness does).
--
--   shelfwise_owner  owns the database and its tables; migrations run as it
--                    (SHELFWISE_DATABASE_OWNER_URL). Never used to serve requests.
--   shelfwise_app    what `shelfwise serve` logs in as (SHELFWISE_DATABASE_URL): owns
--                    nothing, is granted row access by the owner after each migration,
--                    and cannot bypass row-level security.
--
-- Production: give both a password (ALTER ROLE … PASSWORD …) and create the database
-- with `CREATE DATABASE shelfwise OWNER shelfwise_owner`.
DO $$
BEGIN
    CREATE ROLE shelfwise_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
    CREATE ROLE shelfwise_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
