//! Purchase orders and their lines: the draft that gathers lines per supplier, ship-to
//! and window, read and saved with a typed state.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::workflow::purchase_order::PoState;
use crate::{on_db, on_tx};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, Deserialize)]
pub struct PurchaseOrderRecord {
    pub id: i64,
    pub supplier_id: i64,
    pub ship_to_location_id: i64,
    /// Decoded from its name; an unknown name is a decode error, never a guess.
    #[sqlx(try_from = "String")]
    pub state: PoState,
    pub value_minor: i64,
    pub window_closes_at: i64,
    pub involved_users: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
    /// The latest delivery day the supplier promised (UTC midnight, epoch ms).
    pub promised_on: Option<i64>,
    /// The supplier's last note (a decline's reason).
    pub supplier_note: String,
    /// When the supplier's acknowledgement is due (set when the order is sent).
    pub ack_due_at: Option<i64>,
    /// The delivery day both sides agreed (the first promise, or an accepted change's).
    pub agreed_on: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, Deserialize)]
pub struct PoLineRecord {
    pub id: i64,
    pub po_id: i64,
    pub product_id: i64,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    pub need_id: Option<i64>,
    pub reason: String,
    /// The reason as recorded words (a JSON array); `None` for a line recorded before,
    /// whose reason reads in English.
    #[sqlx(default)]
    #[serde(default)]
    pub reason_words: Option<String>,
    pub snapshot: String,
    /// Of `quantity`, how many shipped (on ship notices) and arrived in good order.
    pub shipped: i64,
    pub received: i64,
    /// The line's own delivery day (backordered through a change); none: the order's.
    pub promised_on: Option<i64>,
}

const PO_COLUMNS: &str = "id, supplier_id, ship_to_location_id, state, value_minor, \
     window_closes_at, involved_users, created_at, updated_at, sent_at, promised_on, supplier_note, \
     ack_due_at, agreed_on";

const LINE_COLUMNS: &str =
    "id, po_id, product_id, quantity, unit_cost_minor, need_id, reason, reason_words, snapshot, \
     shipped, received, promised_on";

/// The draft order gathering lines for `key` (creating it, closing at `closes_at`), and
/// whether it was created now.
pub(crate) async fn draft_po_tx(
    tx: &mut Tx,
    tenant: TenantId,
    supplier: i64,
    ship_to: i64,
    key: &str,
    closes_at: i64,
    now: i64,
) -> Result<(i64, bool), sqlx::Error> {
    let created = on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "INSERT INTO purchase_orders (tenant_id, supplier_id, ship_to_location_id, state, \
         consolidation_key, window_closes_at, created_at, updated_at) \
         VALUES ($1, $2, $3, 'draft', $4, $5, $6, $6) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(tenant.0)
    .bind(supplier)
    .bind(ship_to)
    .bind(key)
    .bind(closes_at)
    .bind(now)
    .fetch_optional(c)
    .await)?;
    if let Some(id) = created {
        return Ok((id, true));
    }
    let sql = format!(
        "SELECT id FROM purchase_orders WHERE tenant_id = $1 AND consolidation_key = $2 \
         AND state = 'draft'{}",
        tx.lock()
    );
    let id = on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(&sql)
        .bind(tenant.0)
        .bind(key)
        .fetch_one(c)
        .await)?;
    Ok((id, false))
}

pub(crate) struct NewLine<'a> {
    pub po: i64,
    pub product: i64,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    pub need: i64,
    pub reason: &'a str,
    /// The reason as recorded words (stored as [`crate::recorded::stored`] writes them).
    pub reason_words: &'a [crate::recorded::Recorded],
    pub snapshot: &'a str,
}

/// Adds a line and its value to the order; `None` when the order already has a line for
/// the product (that need is already being bought).
pub(crate) async fn insert_po_line_tx(
    tx: &mut Tx,
    tenant: TenantId,
    l: &NewLine<'_>,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let id = on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
        "INSERT INTO po_lines (tenant_id, po_id, product_id, quantity, unit_cost_minor, need_id, \
         reason, snapshot, reason_words) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(tenant.0)
    .bind(l.po)
    .bind(l.product)
    .bind(l.quantity)
    .bind(l.unit_cost_minor)
    .bind(l.need)
    .bind(l.reason)
    .bind(l.snapshot)
    .bind(crate::recorded::stored(l.reason_words))
    .fetch_optional(c)
    .await
    })?;
    if id.is_some() {
        on_tx!(tx, |c| sqlx::query(
            "UPDATE purchase_orders SET value_minor = value_minor + $3, updated_at = $4 \
             WHERE tenant_id = $1 AND id = $2",
        )
        .bind(tenant.0)
        .bind(l.po)
        .bind(l.quantity.saturating_mul(l.unit_cost_minor))
        .bind(now)
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    Ok(id)
}

pub(crate) async fn purchase_order_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<PurchaseOrderRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {PO_COLUMNS} FROM purchase_orders WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as::<_, PurchaseOrderRecord>(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub(crate) async fn po_lines_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<Vec<PoLineRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM po_lines WHERE tenant_id = $1 AND po_id = $2 ORDER BY id"
    );
    on_tx!(tx, |c| sqlx::query_as::<_, PoLineRecord>(&sql)
        .bind(tenant.0)
        .bind(po)
        .fetch_all(c)
        .await)
}

pub(crate) async fn save_purchase_order_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: &PurchaseOrderRecord,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE purchase_orders SET state = $3, value_minor = $4, involved_users = $5, \
         updated_at = $6, sent_at = $7, promised_on = $8, supplier_note = $9, ack_due_at = $10, \
         agreed_on = $11 \
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(po.id)
    .bind(po.state.as_str())
    .bind(po.value_minor)
    .bind(&po.involved_users)
    .bind(now)
    .bind(po.sent_at)
    .bind(po.promised_on)
    .bind(&po.supplier_note)
    .bind(po.ack_due_at)
    .bind(po.agreed_on)
    .execute(c)
    .await
    .map(|_| ()))
}

impl Store {
    pub async fn purchase_order(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<PurchaseOrderRecord>, sqlx::Error> {
        let sql =
            format!("SELECT {PO_COLUMNS} FROM purchase_orders WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            PurchaseOrderRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    pub async fn po_lines(
        &self,
        tenant: TenantId,
        po: i64,
    ) -> Result<Vec<PoLineRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {LINE_COLUMNS} FROM po_lines WHERE tenant_id = $1 AND po_id = $2 ORDER BY id"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            PoLineRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(po)
        .fetch_all(pool)
        .await)
    }

    /// The purchase orders `ids` that exist, each with its number of lines, in no order
    /// (two statements for a page of them).
    pub async fn purchase_orders_by_ids(
        &self,
        tenant: TenantId,
        ids: &[i64],
    ) -> Result<Vec<(PurchaseOrderRecord, i64)>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = super::id_list(ids);
        let sql = format!(
            "SELECT {PO_COLUMNS} FROM purchase_orders WHERE tenant_id = $1 AND id IN ({list})"
        );
        let orders: Vec<PurchaseOrderRecord> =
            on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
                .bind(tenant.0)
                .fetch_all(pool)
                .await)?;
        let sql = format!(
            "SELECT po_id, COUNT(*) FROM po_lines WHERE tenant_id = $1 AND po_id IN ({list}) \
             GROUP BY po_id"
        );
        let counts: Vec<(i64, i64)> = on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .fetch_all(pool)
            .await)?;
        let counts: std::collections::HashMap<i64, i64> = counts.into_iter().collect();
        Ok(orders
            .into_iter()
            .map(|o| {
                let lines = counts.get(&o.id).copied().unwrap_or(0);
                (o, lines)
            })
            .collect())
    }

    /// Recent purchase orders, newest first (optionally in one state).
    pub async fn purchase_orders(
        &self,
        tenant: TenantId,
        state: Option<&str>,
        limit: i64,
    ) -> Result<Vec<PurchaseOrderRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {PO_COLUMNS} FROM purchase_orders WHERE tenant_id = $1 AND ($2 IS NULL OR state = $2) \
             ORDER BY id DESC LIMIT $3"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            PurchaseOrderRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(state)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }
}
