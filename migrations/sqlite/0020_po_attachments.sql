-- Files attached to a purchase order's messages (issue 10): stored per tenant in the
-- database (a few MiB each at most, of a few plain types), so backups, row-level
-- security and tenant deletion cover them like every other row.
CREATE TABLE po_attachments (
    id            INTEGER PRIMARY KEY,
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id         INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    message_id    INTEGER NOT NULL REFERENCES po_messages(id) ON DELETE CASCADE,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    data          BLOB NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX po_attachments_po ON po_attachments (tenant_id, po_id, id);
