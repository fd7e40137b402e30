-- Messages about a purchase order between the buyer and the supplier (issue 10). Each
-- side's new message is e-mailed to the other. `from_supplier` says whose side wrote
-- it; `actor` who (a member, or the supplier's link); `author` the name shown.
CREATE TABLE po_messages (
    id             INTEGER PRIMARY KEY,
    tenant_id      INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    po_id          INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    from_supplier  BOOLEAN NOT NULL,
    actor          TEXT NOT NULL,
    author         TEXT NOT NULL,
    body           TEXT NOT NULL,
    created_at     INTEGER NOT NULL
);
CREATE INDEX po_messages_po ON po_messages (tenant_id, po_id, id);
