-- Issue 14, point 1: the reason a suggestion and the documents made from it give, and
-- the limits the assistant found a proposal outside of, kept also as recorded text (a
-- JSON array of catalogue ids with their variables, one per sentence or clause) so each
-- reader sees them in their own language. `reason` and `reasons` stay the English (API
-- clients, webhooks and the audit trail read it). NULL: a row recorded before, shown in
-- English.
ALTER TABLE needs ADD COLUMN reason_words TEXT;
ALTER TABLE transfers ADD COLUMN reason_words TEXT;
ALTER TABLE po_lines ADD COLUMN reason_words TEXT;
ALTER TABLE assistant_decisions ADD COLUMN reason_words TEXT;
