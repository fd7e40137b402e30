-- Substring search over products (PostgreSQL): trigram GIN indexes on the lower-cased
-- SKU and name, which serve `lower(x) LIKE '%…%'` directly. Same version as
-- ../sqlite/0004_product_search.sql (FTS5 trigram). pg_trgm is a trusted extension:
-- the database owner may create it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX products_sku_trgm ON products USING gin (lower(sku) gin_trgm_ops);
CREATE INDEX products_name_trgm ON products USING gin (lower(name) gin_trgm_ops);
