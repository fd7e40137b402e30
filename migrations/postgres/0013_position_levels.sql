-- Levels a planner controls. A policy may carry its class's levels (reorder point and
-- order-up-to, multiplied at distribution centres); positions take them unless a planner
-- set a position's own, and a position says where its numbers came from:
--   seed      the tenant file that provisioned it
--   event     created by a stock event, with no class levels to inherit (0 and 0)
--   policy    the most specific policy that carries levels
--   override  set for this position by a planner (policies never replace it)
--   kept      the policy that gave them no longer carries levels; the numbers stay
ALTER TABLE stock_positions ADD COLUMN levels_source TEXT NOT NULL DEFAULT 'seed'
    CHECK (levels_source IN ('seed', 'event', 'policy', 'override', 'kept'));
-- Row-level security binds the owner too (FORCE), and a migration runs with no tenant
-- scope: a data change to every tenant's rows lifts FORCE for its own statement.
ALTER TABLE stock_positions NO FORCE ROW LEVEL SECURITY;
UPDATE stock_positions SET levels_source = 'event' WHERE reorder_point = 0 AND order_up_to = 0;
ALTER TABLE stock_positions FORCE ROW LEVEL SECURITY;

ALTER TABLE replenishment_policies ADD COLUMN reorder_point BIGINT;
ALTER TABLE replenishment_policies ADD COLUMN order_up_to BIGINT;
ALTER TABLE replenishment_policies ADD COLUMN dc_multiplier BIGINT NOT NULL DEFAULT 1;

-- The hour (UTC) of the tenant's nightly full sweep, the safety net for missed events.
ALTER TABLE tenant_settings ADD COLUMN sweep_hour BIGINT NOT NULL DEFAULT 2
    CHECK (sweep_hour BETWEEN 0 AND 23);
