-- Issue 14, point 1: an exception's title, detail and the basis of its expected lost
-- sales, kept also as recorded text (a JSON array of catalogue ids with their
-- variables, one per sentence) so each planner reads them in their own language.
-- `title`, `detail` and `risk_basis` stay the English (API clients and webhooks read
-- them). NULL: a row recorded before, shown in English. `resolution_words`: how the
-- engine resolved it (a resolution a person typed has none and is shown as typed).
ALTER TABLE exceptions ADD COLUMN title_words TEXT;
ALTER TABLE exceptions ADD COLUMN detail_words TEXT;
ALTER TABLE exceptions ADD COLUMN risk_basis_words TEXT;
ALTER TABLE exceptions ADD COLUMN resolution_words TEXT;
