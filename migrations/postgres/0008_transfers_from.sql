-- A donor's spare stock counts the units it already promised to its own transfers that
-- have not shipped yet: those are read per (donor, product) while evaluating.
CREATE INDEX transfers_from_open ON transfers (tenant_id, from_location_id, product_id, state);
