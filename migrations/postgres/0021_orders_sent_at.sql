-- Supplier scorecards read the orders sent since a day (issue 10).
CREATE INDEX purchase_orders_sent ON purchase_orders (tenant_id, sent_at);
