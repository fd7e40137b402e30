//! The outbox of events for a tenant's integrations: written in the transaction of the
//! change they report, so an event exists exactly when its change committed. Its
//! deliveries to the tenant's webhook endpoints (and their jobs) are made in the same
//! transaction (`engine::webhooks::publish_tx`), so `delivered_at` is when it was handed
//! to them.

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// One event waiting for (or past) delivery.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct OutboundEvent {
    pub id: i64,
    pub kind: String,
    pub subject: String,
    /// JSON.
    pub payload: String,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
}

pub(crate) async fn record_event_tx(
    tx: &mut Tx,
    tenant: TenantId,
    kind: &str,
    subject: &str,
    payload: &serde_json::Value,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO outbound_events (tenant_id, kind, subject, payload, created_at, \
         delivered_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(tenant.0)
    .bind(kind)
    .bind(subject)
    .bind(payload.to_string())
    .bind(now)
    .fetch_one(c)
    .await)
}

impl Store {
    /// The tenant's newest outbound events, newest first.
    pub async fn outbound_events(
        &self,
        tenant: TenantId,
        limit: i64,
    ) -> Result<Vec<OutboundEvent>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT id, kind, subject, payload, created_at, delivered_at FROM outbound_events \
             WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(tenant.0)
        .bind(limit.clamp(1, 1_000))
        .fetch_all(pool)
        .await)
    }
}
