-- Substring search over products (SQLite): an FTS5 trigram index kept in step with
-- products by triggers. Same version as ../postgres/0004_product_search.sql (pg_trgm).

CREATE VIRTUAL TABLE products_search USING fts5(
    sku, name, content='products', content_rowid='id', tokenize='trigram'
);
INSERT INTO products_search (rowid, sku, name) SELECT id, sku, name FROM products;

CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_search (rowid, sku, name) VALUES (new.id, new.sku, new.name);
END;
CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_search (products_search, rowid, sku, name) VALUES ('delete', old.id, old.sku, old.name);
END;
CREATE TRIGGER products_search_update AFTER UPDATE OF sku, name ON products BEGIN
    INSERT INTO products_search (products_search, rowid, sku, name) VALUES ('delete', old.id, old.sku, old.name);
    INSERT INTO products_search (rowid, sku, name) VALUES (new.id, new.sku, new.name);
END;
