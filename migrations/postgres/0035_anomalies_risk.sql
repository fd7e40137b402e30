-- Issue 15, points 3 and 6. Anomaly checks on incoming events: the tenant's thresholds
-- (`tenant_settings.anomaly_settings`, JSON; absent means the defaults), each series'
-- robust sale statistics kept with its forecast (median and median absolute deviation
-- of the days it sold, and how many days that is), and a new exception kind, `anomaly`,
-- which holds the position's automatic cover until a planner confirms the event.
-- `exceptions.evidence` (JSON) keeps the anomalous event, so rejecting it can undo it.
-- Risk-ranked exceptions: what an exception is expected to cost in lost sales (minor
-- units) and the sentence that explains the figure.
ALTER TABLE tenant_settings ADD COLUMN anomaly_settings TEXT;

ALTER TABLE forecasts ADD COLUMN sale_median DOUBLE PRECISION;
ALTER TABLE forecasts ADD COLUMN sale_mad DOUBLE PRECISION;
ALTER TABLE forecasts ADD COLUMN sale_days BIGINT NOT NULL DEFAULT 0;

ALTER TABLE exceptions DROP CONSTRAINT exceptions_kind_check;
ALTER TABLE exceptions ADD CONSTRAINT exceptions_kind_check CHECK (kind IN
    ('no_cover','stockout','stale_approval','dead_job','receipt_mismatch','supplier_late',
     'anomaly'));
ALTER TABLE exceptions ADD COLUMN lost_sales_minor BIGINT CHECK (lost_sales_minor >= 0);
ALTER TABLE exceptions ADD COLUMN risk_basis TEXT;
ALTER TABLE exceptions ADD COLUMN evidence TEXT;
