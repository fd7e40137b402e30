-- Issue 14: every e-mail goes out in its recipient's language. Staff read theirs from
-- `users.language` (0038); a supplier's mail (orders, messages, invitations) is in the
-- language kept with the supplier, and a shopper's back-in-stock mail in the language
-- they asked in, kept with the subscription. NULL: not known; the tenant's default
-- (`tenants.language`) then decides, else English. Values are language codes the
-- portal speaks (`en`, `de`, `nl`).
ALTER TABLE suppliers ADD COLUMN language TEXT;
ALTER TABLE bis_subscriptions ADD COLUMN language TEXT;
