//! Transfers between a tenant's locations: their rows, read and saved with a typed state.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::workflow::transfer::TransferState;
use crate::{on_db, on_tx};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, Deserialize)]
pub struct TransferRecord {
    pub id: i64,
    pub need_id: Option<i64>,
    pub from_location_id: i64,
    pub to_location_id: i64,
    pub product_id: i64,
    pub quantity: i64,
    pub shipped: i64,
    pub received: i64,
    pub unit_cost_minor: i64,
    /// Decoded from its name; an unknown name is a decode error, never a guess.
    #[sqlx(try_from = "String")]
    pub state: TransferState,
    pub reason: String,
    /// The reason as recorded words (a JSON array); `None` for a transfer recorded
    /// before, whose reason reads in English.
    #[sqlx(default)]
    #[serde(default)]
    pub reason_words: Option<String>,
    pub snapshot: String,
    pub involved_users: String,
    pub created_at: i64,
    pub updated_at: i64,
}

const TRANSFER_COLUMNS: &str = "id, need_id, from_location_id, to_location_id, product_id, \
     quantity, shipped, received, unit_cost_minor, state, reason, reason_words, snapshot, \
     involved_users, created_at, updated_at";

pub(crate) struct NewTransfer<'a> {
    pub need: i64,
    pub from: i64,
    pub to: i64,
    pub product: i64,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    pub reason: &'a str,
    /// The reason as recorded words (stored as [`crate::recorded::stored`] writes them).
    pub reason_words: &'a [crate::recorded::Recorded],
    pub snapshot: &'a str,
    pub now: i64,
}

pub(crate) async fn insert_transfer_tx(
    tx: &mut Tx,
    tenant: TenantId,
    t: &NewTransfer<'_>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "INSERT INTO transfers (tenant_id, need_id, from_location_id, to_location_id, product_id, \
         quantity, unit_cost_minor, state, reason, snapshot, created_at, updated_at, reason_words) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8, $9, $10, $10, $11) RETURNING id",
    )
    .bind(tenant.0)
    .bind(t.need)
    .bind(t.from)
    .bind(t.to)
    .bind(t.product)
    .bind(t.quantity)
    .bind(t.unit_cost_minor)
    .bind(t.reason)
    .bind(t.snapshot)
    .bind(t.now)
    .bind(crate::recorded::stored(t.reason_words))
    .fetch_one(c)
    .await)
}

pub(crate) async fn transfer_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<TransferRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {TRANSFER_COLUMNS} FROM transfers WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as::<_, TransferRecord>(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub(crate) async fn save_transfer_tx(
    tx: &mut Tx,
    tenant: TenantId,
    t: &TransferRecord,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE transfers SET state = $3, quantity = $4, shipped = $5, received = $6, \
         involved_users = $7, updated_at = $8 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(t.id)
    .bind(t.state.as_str())
    .bind(t.quantity)
    .bind(t.shipped)
    .bind(t.received)
    .bind(&t.involved_users)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))
}

impl Store {
    pub async fn transfer(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<TransferRecord>, sqlx::Error> {
        let sql =
            format!("SELECT {TRANSFER_COLUMNS} FROM transfers WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            TransferRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    /// The transfers `ids` that exist, in no order (one statement for a page of them).
    pub async fn transfers_by_ids(
        &self,
        tenant: TenantId,
        ids: &[i64],
    ) -> Result<Vec<TransferRecord>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = super::id_list(ids);
        let sql = format!(
            "SELECT {TRANSFER_COLUMNS} FROM transfers WHERE tenant_id = $1 AND id IN ({list})"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            TransferRecord,
        >(&sql)
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }

    /// Recent transfers, newest first (optionally in one state).
    pub async fn transfers(
        &self,
        tenant: TenantId,
        state: Option<&str>,
        limit: i64,
    ) -> Result<Vec<TransferRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {TRANSFER_COLUMNS} FROM transfers WHERE tenant_id = $1 AND ($2 IS NULL OR state = $2) \
             ORDER BY id DESC LIMIT $3"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            TransferRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(state)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    /// Open documents (transfers not yet shipped and orders not yet sent) per position
    /// that has more than one: must always be 0.
    pub async fn doubled_documents(&self, tenant: TenantId) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT (SELECT COUNT(*) FROM (SELECT to_location_id, product_id FROM transfers \
               WHERE tenant_id = $1 AND state IN ('proposed','pending_approval','approved') \
               GROUP BY to_location_id, product_id HAVING COUNT(*) > 1) a) + \
             (SELECT COUNT(*) FROM (SELECT po.ship_to_location_id, pl.product_id FROM po_lines pl \
               JOIN purchase_orders po ON po.id = pl.po_id WHERE po.tenant_id = $1 \
               AND po.state IN ('draft','pending_approval','approved') \
               GROUP BY po.ship_to_location_id, pl.product_id HAVING COUNT(*) > 1) b)",
        )
        .bind(tenant.0)
        .fetch_one(pool)
        .await)
    }
}
