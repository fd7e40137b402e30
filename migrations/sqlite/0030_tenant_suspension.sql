-- A suspended tenant (issue 13, point 7): its portal, API and background work (e-mail,
-- webhooks, checks) stop until it is resumed; nothing is deleted, and the jobs wait.
ALTER TABLE tenants ADD COLUMN suspended_at INTEGER;
ALTER TABLE tenants ADD COLUMN suspended_reason TEXT;
