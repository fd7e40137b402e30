-- Issue 14, point 1: the language a person reads (their own choice, kept with the
-- account so it follows them to every portal they belong to) and a tenant's default
-- for people who have not chosen. NULL: not chosen; the browser's Accept-Language
-- then decides. Values are language codes the portal speaks (`en`, `de`, `nl`).
ALTER TABLE users ADD COLUMN language TEXT;
ALTER TABLE tenants ADD COLUMN language TEXT;
