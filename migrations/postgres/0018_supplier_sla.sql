-- Supplier clocks (issue 10): a tenant's working time and acknowledgement clock (JSON,
-- see engine/src/sla.rs; none means the defaults), and a new exception kind for an
-- order its supplier did not acknowledge in time.
ALTER TABLE tenant_settings ADD COLUMN supplier_sla TEXT;

ALTER TABLE exceptions DROP CONSTRAINT exceptions_kind_check;
ALTER TABLE exceptions ADD CONSTRAINT exceptions_kind_check CHECK (kind IN
    ('no_cover','stockout','stale_approval','dead_job','receipt_mismatch','supplier_late'));
