-- When a sent order's acknowledgement is due (issue 10): fixed when it is sent, so a
-- later change of the tenant's supplier clocks does not re-grade it, and shown to the
-- supplier. Orders sent before this have none (their scorecard uses today's clock).
ALTER TABLE purchase_orders ADD COLUMN ack_due_at BIGINT;
