//! Needs: one open shortfall per position (a database rule), linked to the transfer and
//! order line that cover it, closed when they have moved on.

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// Which of `keys` have an open need.
pub(crate) async fn open_need_keys_tx(
    tx: &mut Tx,
    tenant: TenantId,
    keys: &[String],
) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    super::open_keys_tx(tx, "needs", tenant, keys).await
}

/// A need to record; `None` from [`insert_need_tx`] when one is already open for the key.
pub(crate) struct NewNeed<'a> {
    pub location: i64,
    pub product: i64,
    pub key: &'a str,
    pub quantity: i64,
    pub transfer_quantity: i64,
    pub purchase_quantity: i64,
    pub reason: &'a str,
    /// The reason as recorded words (stored as [`crate::recorded::stored`] writes them).
    pub reason_words: &'a [crate::recorded::Recorded],
    pub snapshot: &'a str,
    /// The assistant's confidence in the quantity.
    pub confidence: &'a crate::assistant::Confidence,
    pub now: i64,
}

pub(crate) async fn insert_need_tx(
    tx: &mut Tx,
    tenant: TenantId,
    n: &NewNeed<'_>,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO needs (tenant_id, location_id, product_id, dedupe_key, state, quantity, \
         transfer_quantity, purchase_quantity, reason, snapshot, created_at, confidence_pct, \
         confidence_reason, reason_words) \
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING \
         RETURNING id",
        )
        .bind(tenant.0)
        .bind(n.location)
        .bind(n.product)
        .bind(n.key)
        .bind(n.quantity)
        .bind(n.transfer_quantity)
        .bind(n.purchase_quantity)
        .bind(n.reason)
        .bind(n.snapshot)
        .bind(n.now)
        .bind(i64::from(n.confidence.pct.min(100)))
        .bind(&n.confidence.reason)
        .bind(crate::recorded::stored(n.reason_words))
        .fetch_optional(c)
        .await
    })
}

pub(crate) async fn link_need_tx(
    tx: &mut Tx,
    tenant: TenantId,
    need: i64,
    transfer: Option<i64>,
    po_line: Option<i64>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE needs SET transfer_id = $3, po_line_id = $4 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(need)
    .bind(transfer)
    .bind(po_line)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Closes the need once every document covering it has moved stock or ended: its
/// transfer shipped (or ended) and its purchase order sent (or ended).
pub(crate) async fn refresh_need_tx(
    tx: &mut Tx,
    tenant: TenantId,
    need: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE needs SET state = 'closed', closed_at = $3 WHERE tenant_id = $1 AND id = $2 \
         AND state = 'open' \
         AND (transfer_id IS NULL OR EXISTS (SELECT 1 FROM transfers t WHERE t.id = needs.transfer_id \
              AND t.state IN ('shipped','received','rejected','cancelled'))) \
         AND (po_line_id IS NULL \
              OR NOT EXISTS (SELECT 1 FROM po_lines pl WHERE pl.id = needs.po_line_id) \
              OR EXISTS (SELECT 1 FROM po_lines pl JOIN purchase_orders po \
              ON po.id = pl.po_id WHERE pl.id = needs.po_line_id \
              AND po.state NOT IN ('draft','pending_approval','approved')))",
    )
    .bind(tenant.0)
    .bind(need)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1)
    })
}

impl Store {
    /// Open needs per dedupe key that have more than one open transfer or PO line: must
    /// always be empty (the crash test checks it).
    pub async fn doubled_needs(&self, tenant: TenantId) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM (SELECT location_id, product_id FROM needs WHERE tenant_id = $1 \
             AND state = 'open' GROUP BY location_id, product_id HAVING COUNT(*) > 1) d",
        )
        .bind(tenant.0)
        .fetch_one(pool)
        .await)
    }

    /// The open need of one position, if any (benchmarks and dashboards).
    pub async fn open_need(
        &self,
        tenant: TenantId,
        location: i64,
        product: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT id FROM needs WHERE tenant_id = $1 AND location_id = $2 AND product_id = $3 \
             AND state = 'open'",
        )
        .bind(tenant.0)
        .bind(location)
        .bind(product)
        .fetch_optional(pool)
        .await)
    }
}
