//! The supplier's side of a purchase order: what the supplier sees of it (never the
//! retailer's reasons or stock figures), the platform's signing key and the links that
//! open one order each (see [`crate::links`]), and every promised delivery date.

use rand::RngCore;

use super::Store;
use crate::db::Tx;
use crate::model::{day_start, TenantId, DAY_MS};
use crate::workflow::purchase_order::PoState;
use crate::{on_db, on_tx};

/// One link to one order.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PoLinkRecord {
    pub id: i64,
    pub po_id: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
}

/// A promised delivery day, and when and by whom it was given.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, serde::Serialize, serde::Deserialize)]
pub struct PromiseRecord {
    pub promised_on: i64,
    pub actor: String,
    pub recorded_at: i64,
}

/// A purchase order as its supplier sees it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SupplierOrder {
    pub id: i64,
    pub state: PoState,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub ship_to_code: String,
    pub ship_to_name: String,
    /// The ship-to's delivery address ("" when the tenant gave none).
    pub ship_to_address: String,
    /// When it was sent (epoch ms), and the day delivery is asked for: sent plus the
    /// supplier's lead time.
    pub sent_at: Option<i64>,
    pub requested_on: Option<i64>,
    /// When the supplier's acknowledgement is due (orders sent before it was kept: none).
    pub ack_due_at: Option<i64>,
    pub promised_on: Option<i64>,
    pub supplier_note: String,
    pub value_minor: i64,
    pub lines: Vec<SupplierLine>,
    pub promises: Vec<PromiseRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, serde::Serialize, serde::Deserialize)]
pub struct SupplierLine {
    /// The order line (a change or a ship notice names it).
    pub line_id: i64,
    pub sku: String,
    pub name: String,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    /// How many shipped so far (on ship notices).
    pub shipped: i64,
    /// The line's own delivery day when backordered (else the order's).
    pub promised_on: Option<i64>,
}

/// One sent order's answer history (see [`Store::supplier_history`]).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OrderHistory {
    pub id: i64,
    pub supplier_id: i64,
    #[sqlx(try_from = "String")]
    pub state: PoState,
    pub sent_at: i64,
    /// When the acknowledgement was due, fixed at sending (none for older orders).
    pub ack_due_at: Option<i64>,
    pub first_promise_at: Option<i64>,
    pub promises: i64,
    /// The day agreed (else the latest promised), and the day asked for without one
    /// (sent plus the supplier's nominal lead time).
    pub promised_on: Option<i64>,
    pub lead_time_days: i64,
    /// When the last ship notice was received, and the units ordered (as agreed) and
    /// received in good order.
    pub last_receipt_at: Option<i64>,
    pub ordered: i64,
    pub received: i64,
}

/// One row of a supplier's order list.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SupplierOrderRow {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub state: PoState,
    pub ship_to_code: String,
    pub ship_to_name: String,
    pub sent_at: i64,
    pub lead_time_days: i64,
    pub promised_on: Option<i64>,
    pub value_minor: i64,
    pub line_count: i64,
}

#[derive(sqlx::FromRow)]
struct OrderHead {
    id: i64,
    #[sqlx(try_from = "String")]
    state: PoState,
    supplier_id: i64,
    supplier_name: String,
    lead_time_days: i64,
    ship_to_code: String,
    ship_to_name: String,
    ship_to_address: String,
    sent_at: Option<i64>,
    ack_due_at: Option<i64>,
    promised_on: Option<i64>,
    supplier_note: String,
    value_minor: i64,
}

pub(crate) async fn insert_po_link_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
    expires_at: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO po_links (tenant_id, po_id, expires_at, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(tenant.0)
    .bind(po)
    .bind(expires_at)
    .bind(now)
    .fetch_one(c)
    .await)
}

/// The link, read again inside the transaction that acts on it (so a revocation that
/// commits first is seen).
pub(crate) async fn po_link_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<PoLinkRecord>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as(
        "SELECT id, po_id, expires_at, revoked_at FROM po_links WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(id)
    .fetch_optional(c)
    .await)
}

/// Whether the order has a link that is neither withdrawn nor expired at `now`.
pub(crate) async fn has_live_link_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM po_links WHERE tenant_id = $1 AND po_id = $2 \
         AND revoked_at IS NULL AND expires_at > $3)",
    )
    .bind(tenant.0)
    .bind(po)
    .bind(now)
    .fetch_one(c)
    .await)
}

/// Revokes every live link to the order; how many.
pub(crate) async fn revoke_po_links_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE po_links SET revoked_at = $3 WHERE tenant_id = $1 AND po_id = $2 \
         AND revoked_at IS NULL",
    )
    .bind(tenant.0)
    .bind(po)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
}

/// How many delivery dates were given for the order.
pub(crate) async fn promise_count_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM po_promises WHERE tenant_id = $1 AND po_id = $2",
    )
    .bind(tenant.0)
    .bind(po)
    .fetch_one(c)
    .await)
}

pub(crate) async fn record_promise_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
    promised_on: i64,
    actor: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO po_promises (tenant_id, po_id, promised_on, actor, recorded_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(tenant.0)
    .bind(po)
    .bind(promised_on)
    .bind(actor)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))
}

async fn read_key(db: &crate::db::Db, purpose: &str) -> Result<Option<String>, sqlx::Error> {
    on_db!(db, read, crate::db::Scope::System, |pool| {
        sqlx::query_scalar("SELECT secret FROM signing_keys WHERE purpose = $1")
            .bind(purpose)
            .fetch_optional(pool)
            .await
    })
}

impl Store {
    /// The platform's key for `purpose` if one was ever made (none is made here).
    pub async fn existing_signing_key(
        &self,
        purpose: &str,
    ) -> Result<Option<Vec<u8>>, sqlx::Error> {
        Ok(read_key(&self.db, purpose)
            .await?
            .and_then(|hex_key| hex::decode(hex_key).ok()))
    }

    /// The platform's key for `purpose`, made (32 random bytes) the first time it is
    /// asked for; every process then reads the same one.
    pub async fn signing_key(&self, purpose: &str) -> Result<Vec<u8>, sqlx::Error> {
        let known = self
            .signing_keys
            .lock()
            .ok()
            .and_then(|k| k.get(purpose).cloned());
        if let Some(key) = known {
            return Ok(key);
        }
        let secret = match read_key(&self.db, purpose).await? {
            Some(s) => s,
            None => {
                let mut fresh = [0u8; 32];
                rand::thread_rng().fill_bytes(&mut fresh);
                // Two processes may both find none: the first insert wins, both read it.
                on_db!(&self.db, write, crate::db::Scope::System, |pool| {
                    sqlx::query(
                    "INSERT INTO signing_keys (purpose, secret, created_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (purpose) DO NOTHING",
                )
                .bind(purpose)
                .bind(hex::encode(fresh))
                .bind(crate::model::now_ms())
                .execute(pool)
                .await
                .map(|_| ())
                })?;
                read_key(&self.db, purpose)
                    .await?
                    .ok_or(sqlx::Error::RowNotFound)?
            }
        };
        let key = hex::decode(secret).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        if let Ok(mut known) = self.signing_keys.lock() {
            known.insert(purpose.to_string(), key.clone());
        }
        Ok(key)
    }

    /// Every link made for the order, oldest first.
    pub async fn po_links(
        &self,
        tenant: TenantId,
        po: i64,
    ) -> Result<Vec<PoLinkRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
                "SELECT id, po_id, expires_at, revoked_at FROM po_links \
                 WHERE tenant_id = $1 AND po_id = $2 ORDER BY id",
            )
            .bind(tenant.0)
            .bind(po)
            .fetch_all(pool)
            .await
        })
    }

    pub async fn po_link(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<PoLinkRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
            "SELECT id, po_id, expires_at, revoked_at FROM po_links WHERE tenant_id = $1 AND id = $2",
        )
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await
        })
    }

    /// The order as its supplier sees it: lines with SKU, name, quantity and price, the
    /// ship-to, the dates; `None` if the tenant has no such order.
    pub async fn supplier_order(
        &self,
        tenant: TenantId,
        po: i64,
    ) -> Result<Option<SupplierOrder>, sqlx::Error> {
        let head: Option<OrderHead> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
            "SELECT po.id, po.state, po.supplier_id, s.name AS supplier_name, s.lead_time_days, \
             l.code AS ship_to_code, l.name AS ship_to_name, l.address AS ship_to_address, po.sent_at, po.ack_due_at, po.promised_on, \
             po.supplier_note, po.value_minor \
             FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id \
             JOIN locations l ON l.id = po.ship_to_location_id \
             WHERE po.tenant_id = $1 AND po.id = $2",
        )
        .bind(tenant.0)
        .bind(po)
        .fetch_optional(pool)
        .await
        })?;
        let Some(h) = head else {
            return Ok(None);
        };
        let lines: Vec<SupplierLine> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
            "SELECT pl.id AS line_id, p.sku, p.name, pl.quantity, pl.unit_cost_minor, pl.shipped, \
             pl.promised_on FROM po_lines pl \
             JOIN products p ON p.id = pl.product_id \
             WHERE pl.tenant_id = $1 AND pl.po_id = $2 ORDER BY p.sku",
        )
        .bind(tenant.0)
        .bind(po)
        .fetch_all(pool)
        .await
        })?;
        let promises = self.po_promises(tenant, po).await?;
        let requested_on = h
            .sent_at
            .map(|sent| day_start(sent).saturating_add(h.lead_time_days.saturating_mul(DAY_MS)));
        Ok(Some(SupplierOrder {
            id: h.id,
            state: h.state,
            supplier_id: h.supplier_id,
            supplier_name: h.supplier_name,
            ship_to_code: h.ship_to_code,
            ship_to_name: h.ship_to_name,
            ship_to_address: h.ship_to_address,
            sent_at: h.sent_at,
            requested_on,
            ack_due_at: h.ack_due_at,
            promised_on: h.promised_on,
            supplier_note: h.supplier_note,
            value_minor: h.value_minor,
            lines,
            promises,
        }))
    }

    /// The orders sent to `supplier` (never drafts or orders awaiting approval), newest
    /// first: those in `state` if given, with an id below `before` if given, at most
    /// `limit`.
    pub async fn supplier_order_rows(
        &self,
        tenant: TenantId,
        supplier: i64,
        state: Option<PoState>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<SupplierOrderRow>, sqlx::Error> {
        let mut sql = String::from(
            "SELECT po.id, po.state, l.code AS ship_to_code, l.name AS ship_to_name, \
             po.sent_at, s.lead_time_days, po.promised_on, po.value_minor, \
             (SELECT COUNT(*) FROM po_lines pl WHERE pl.po_id = po.id) AS line_count \
             FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id \
             JOIN locations l ON l.id = po.ship_to_location_id \
             WHERE po.tenant_id = $1 AND po.supplier_id = $2 AND po.sent_at IS NOT NULL",
        );
        let mut n = 2;
        if state.is_some() {
            n += 1;
            sql.push_str(&format!(" AND po.state = ${n}"));
        }
        if before.is_some() {
            n += 1;
            sql.push_str(&format!(" AND po.id < ${n}"));
        }
        sql.push_str(&format!(" ORDER BY po.id DESC LIMIT ${}", n + 1));
        on_db!(&self.db, read, tenant, |pool| {
            let mut q = sqlx::query_as(&sql).bind(tenant.0).bind(supplier);
            if let Some(s) = state {
                q = q.bind(s.as_str());
            }
            if let Some(b) = before {
                q = q.bind(b);
            }
            q.bind(limit).fetch_all(pool).await
        })
    }

    /// The history a supplier scorecard is computed from: every order sent since
    /// `since` (epoch ms), of one supplier or all, with its first answer's time and how
    /// many delivery dates were given.
    pub async fn supplier_history(
        &self,
        tenant: TenantId,
        supplier: Option<i64>,
        since: i64,
    ) -> Result<Vec<OrderHistory>, sqlx::Error> {
        let mut sql = String::from(
            "SELECT po.id, po.supplier_id, po.state, po.sent_at, po.ack_due_at, \
             (SELECT MIN(pp.recorded_at) FROM po_promises pp \
               WHERE pp.tenant_id = po.tenant_id AND pp.po_id = po.id) AS first_promise_at, \
             (SELECT COUNT(*) FROM po_promises pp \
               WHERE pp.tenant_id = po.tenant_id AND pp.po_id = po.id) AS promises, \
             COALESCE(po.agreed_on, po.promised_on) AS promised_on, s.lead_time_days, \
             (SELECT MAX(a.received_at) FROM po_asns a \
               WHERE a.tenant_id = po.tenant_id AND a.po_id = po.id) AS last_receipt_at, \
             (SELECT CAST(COALESCE(SUM(pl.quantity), 0) AS BIGINT) FROM po_lines pl \
               WHERE pl.tenant_id = po.tenant_id AND pl.po_id = po.id) AS ordered, \
             (SELECT CAST(COALESCE(SUM(pl.received), 0) AS BIGINT) FROM po_lines pl \
               WHERE pl.tenant_id = po.tenant_id AND pl.po_id = po.id) AS received \
             FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id \
             WHERE po.tenant_id = $1 AND po.sent_at >= $2",
        );
        if supplier.is_some() {
            sql.push_str(" AND po.supplier_id = $3");
        }
        // The newest first, so a cap (far above a tenant's 12 weeks) cuts the oldest.
        sql.push_str(" ORDER BY po.id DESC LIMIT 100000");
        on_db!(&self.db, read, tenant, |pool| {
            let mut q = sqlx::query_as(&sql).bind(tenant.0).bind(since);
            if let Some(s) = supplier {
                q = q.bind(s);
            }
            q.fetch_all(pool).await
        })
    }

    /// Every promised date given for the order, oldest first.
    pub async fn po_promises(
        &self,
        tenant: TenantId,
        po: i64,
    ) -> Result<Vec<PromiseRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT promised_on, actor, recorded_at FROM po_promises \
             WHERE tenant_id = $1 AND po_id = $2 ORDER BY id",
        )
        .bind(tenant.0)
        .bind(po)
        .fetch_all(pool)
        .await)
    }
}
