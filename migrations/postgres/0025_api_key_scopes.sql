-- API keys managed in the portal (issue 12): what each key may do (comma-separated
-- scopes; keys made before this could only post events), when it was last used, until
-- when it works (a rotated key's overlap), and who made it.
ALTER TABLE api_keys ADD COLUMN scopes TEXT NOT NULL DEFAULT 'write_events';
ALTER TABLE api_keys ADD COLUMN last_used_at BIGINT;
ALTER TABLE api_keys ADD COLUMN expires_at BIGINT;
ALTER TABLE api_keys ADD COLUMN created_by TEXT NOT NULL DEFAULT 'cli';
