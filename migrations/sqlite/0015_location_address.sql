-- Where a location takes deliveries, as a supplier reads it on an order (one line of
-- text; empty when the tenant file gives none).
ALTER TABLE locations ADD COLUMN address TEXT NOT NULL DEFAULT '';
