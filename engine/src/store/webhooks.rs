//! Webhooks at rest: the tenant's endpoints (secrets sealed), each event's delivery to
//! each endpoint with every attempt (the delivery log), and the sources that post signed
//! webhooks to the tenant.

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// An endpoint as stored (its secrets sealed).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EndpointRecord {
    pub id: i64,
    pub url: String,
    pub description: String,
    /// Comma-separated event types.
    pub event_types: String,
    pub secret: String,
    pub old_secret: Option<String>,
    pub old_secret_until: Option<i64>,
    pub disabled_at: Option<i64>,
    pub disabled_reason: Option<String>,
    pub created_at: i64,
    pub created_by: String,
}

const ENDPOINT_COLUMNS: &str = "id, url, description, event_types, secret, old_secret, \
     old_secret_until, disabled_at, disabled_reason, created_at, created_by";

/// One event's delivery to one endpoint.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DeliveryRecord {
    pub id: i64,
    pub endpoint_id: i64,
    pub event_id: i64,
    pub message_id: String,
    pub kind: String,
    /// The exact body sent.
    pub body: String,
    /// `pending`, `succeeded` or `failed`.
    pub state: String,
    pub attempts: i64,
    pub replays: i64,
    pub next_attempt_at: Option<i64>,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

const DELIVERY_COLUMNS: &str = "id, endpoint_id, event_id, message_id, kind, body, state, \
     attempts, replays, next_attempt_at, last_status, last_error, created_at, finished_at";

/// One try at a delivery.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct AttemptRecord {
    pub attempted_at: i64,
    /// The HTTP status, when an answer came.
    pub status: Option<i64>,
    pub latency_ms: i64,
    /// Why no answer (or no 2xx) came, in words.
    pub error: Option<String>,
    /// The first characters of the answer's body.
    pub response: Option<String>,
}

/// A source that posts signed webhooks to the tenant.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SourceRecord {
    pub id: i64,
    pub name: String,
    /// `standard` or `shopify`.
    pub kind: String,
    pub secret: String,
    pub old_secret: Option<String>,
    pub old_secret_until: Option<i64>,
    /// `location <their id> = <our code>` and `item <their id> = <our SKU>` lines.
    pub mapping: String,
    pub disabled_at: Option<i64>,
    pub received: i64,
    pub last_received_at: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub created_by: String,
}

const SOURCE_COLUMNS: &str = "id, name, kind, secret, old_secret, old_secret_until, mapping, \
     disabled_at, received, last_received_at, last_error, created_at, created_by";

/// A new endpoint's row.
pub(crate) struct NewEndpoint<'a> {
    pub url: &'a str,
    pub description: &'a str,
    pub event_types: &'a str,
    pub secret: &'a str,
    pub created_by: &'a str,
    pub now: i64,
}

pub(crate) async fn insert_endpoint_tx(
    tx: &mut Tx,
    tenant: TenantId,
    e: &NewEndpoint<'_>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO webhook_endpoints (tenant_id, url, description, event_types, secret, \
         created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(tenant.0)
    .bind(e.url)
    .bind(e.description)
    .bind(e.event_types)
    .bind(e.secret)
    .bind(e.now)
    .bind(e.created_by)
    .fetch_one(&mut *c)
    .await)
}

/// One of the tenant's endpoints, locked for the caller's change.
pub(crate) async fn endpoint_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<EndpointRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(&mut *c)
        .await)
}

/// The tenant's enabled endpoints (id and event types), to fan an event out to.
pub(crate) async fn enabled_endpoints_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as(
        "SELECT id, event_types FROM webhook_endpoints \
         WHERE tenant_id = $1 AND disabled_at IS NULL ORDER BY id"
    )
    .bind(tenant.0)
    .fetch_all(&mut *c)
    .await)
}

/// Whose secret [`set_secret_tx`] replaces.
#[derive(Clone, Copy)]
pub(crate) enum SecretOf {
    Endpoint,
    Source,
}

/// Replaces an endpoint's or a source's sealed secret; `old` keeps the previous one
/// working until its end (a rotation's overlap), `None` drops it.
pub(crate) async fn set_secret_tx(
    tx: &mut Tx,
    tenant: TenantId,
    of: SecretOf,
    id: i64,
    secret: &str,
    old: Option<(&str, i64)>,
) -> Result<(), sqlx::Error> {
    let table = match of {
        SecretOf::Endpoint => "webhook_endpoints",
        SecretOf::Source => "webhook_sources",
    };
    let sql = format!(
        "UPDATE {table} SET secret = $3, old_secret = $4, old_secret_until = $5 \
         WHERE tenant_id = $1 AND id = $2"
    );
    on_tx!(tx, |c| sqlx::query(&sql)
        .bind(tenant.0)
        .bind(id)
        .bind(secret)
        .bind(old.map(|o| o.0))
        .bind(old.map(|o| o.1))
        .execute(&mut *c)
        .await
        .map(|_| ()))
}

/// Disables an endpoint (`Some`) with its reason, or enables it again (`None`).
pub(crate) async fn set_endpoint_disabled_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    disabled: Option<(i64, &str)>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE webhook_endpoints SET disabled_at = $3, disabled_reason = $4 \
         WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(disabled.map(|d| d.0))
    .bind(disabled.map(|d| d.1))
    .execute(&mut *c)
    .await
    .map(|_| ()))
}

/// Deletes an endpoint with its deliveries and their attempts.
pub(crate) async fn delete_endpoint_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM webhook_attempts WHERE tenant_id = $1 AND delivery_id IN \
         (SELECT id FROM webhook_deliveries WHERE tenant_id = $1 AND endpoint_id = $2)",
        "DELETE FROM webhook_deliveries WHERE tenant_id = $1 AND endpoint_id = $2",
        "DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2",
    ] {
        on_tx!(tx, |c| sqlx::query(sql)
            .bind(tenant.0)
            .bind(id)
            .execute(&mut *c)
            .await
            .map(|_| ()))?;
    }
    Ok(())
}

/// A new delivery of event `event_id` to `endpoint`; none when it exists already.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_delivery_tx(
    tx: &mut Tx,
    tenant: TenantId,
    endpoint: i64,
    event_id: i64,
    message_id: &str,
    kind: &str,
    body: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, message_id, kind, \
         body, state, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $7) \
         ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id"
    )
    .bind(tenant.0)
    .bind(endpoint)
    .bind(event_id)
    .bind(message_id)
    .bind(kind)
    .bind(body)
    .bind(now)
    .fetch_optional(&mut *c)
    .await
    })
}

/// A delivery, locked for the caller's change.
pub(crate) async fn delivery_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<DeliveryRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(&mut *c)
        .await)
}

/// A delivery's outcome so far.
pub(crate) struct DeliveryUpdate<'a> {
    pub state: &'a str,
    pub attempts: i64,
    pub next_attempt_at: Option<i64>,
    pub last_status: Option<i64>,
    pub last_error: Option<&'a str>,
    pub finished_at: Option<i64>,
    /// The replay the attempt belonged to: a delivery replayed (or failed) meanwhile is
    /// left as it is.
    pub replays: i64,
}

pub(crate) async fn update_delivery_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    u: &DeliveryUpdate<'_>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE webhook_deliveries SET state = $3, attempts = $4, next_attempt_at = $5, \
         last_status = $6, last_error = $7, finished_at = $8 WHERE tenant_id = $1 AND id = $2 \
         AND state = 'pending' AND replays = $9"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(u.state)
    .bind(u.attempts)
    .bind(u.next_attempt_at)
    .bind(u.last_status)
    .bind(u.last_error)
    .bind(u.finished_at)
    .bind(u.replays)
    .execute(&mut *c)
    .await
    .map(|_| ()))
}

/// A failed delivery goes back to pending, counted as one more replay; the new count.
pub(crate) async fn replay_delivery_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "UPDATE webhook_deliveries SET state = 'pending', replays = replays + 1, \
         next_attempt_at = $3, finished_at = NULL \
         WHERE tenant_id = $1 AND id = $2 AND state = 'failed' RETURNING replays"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(now)
    .fetch_optional(&mut *c)
    .await)
}

/// Pending deliveries of an endpoint that will not be sent (it was disabled) end failed.
pub(crate) async fn fail_pending_deliveries_tx(
    tx: &mut Tx,
    tenant: TenantId,
    endpoint: i64,
    reason: &str,
    now: i64,
) -> Result<u64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE webhook_deliveries SET state = 'failed', last_error = $3, finished_at = $4, \
         next_attempt_at = NULL WHERE tenant_id = $1 AND endpoint_id = $2 AND state = 'pending'"
    )
    .bind(tenant.0)
    .bind(endpoint)
    .bind(reason)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))
}

pub(crate) async fn insert_attempt_tx(
    tx: &mut Tx,
    tenant: TenantId,
    delivery: i64,
    a: &AttemptRecord,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO webhook_attempts (tenant_id, delivery_id, attempted_at, status, latency_ms, \
         error, response) VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(tenant.0)
    .bind(delivery)
    .bind(a.attempted_at)
    .bind(a.status)
    .bind(a.latency_ms)
    .bind(a.error.as_deref())
    .bind(a.response.as_deref())
    .execute(&mut *c)
    .await
    .map(|_| ()))
}

/// A new source's row.
pub(crate) struct NewSource<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub secret: &'a str,
    pub mapping: &'a str,
    pub created_by: &'a str,
    pub now: i64,
}

/// Inserts a source; none when the tenant has one of that name.
pub(crate) async fn insert_source_tx(
    tx: &mut Tx,
    tenant: TenantId,
    s: &NewSource<'_>,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO webhook_sources (tenant_id, name, kind, secret, mapping, created_at, \
         created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (tenant_id, name) DO NOTHING RETURNING id"
    )
    .bind(tenant.0)
    .bind(s.name)
    .bind(s.kind)
    .bind(s.secret)
    .bind(s.mapping)
    .bind(s.now)
    .bind(s.created_by)
    .fetch_optional(&mut *c)
    .await)
}

pub(crate) async fn source_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<SourceRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {SOURCE_COLUMNS} FROM webhook_sources WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(&mut *c)
        .await)
}

pub(crate) async fn set_source_mapping_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    mapping: &str,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE webhook_sources SET mapping = $3 WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(mapping)
    .execute(&mut *c)
    .await
    .map(|_| ()))
}

pub(crate) async fn delete_source_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM webhook_sources WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(id)
    .execute(&mut *c)
    .await
    .map(|_| ()))
}

impl Store {
    /// The tenant's endpoints, oldest first.
    pub async fn webhook_endpoints(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<EndpointRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 ORDER BY id \
             LIMIT 100"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .fetch_all(pool)
            .await)
    }

    /// One of the tenant's endpoints.
    pub async fn webhook_endpoint(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<EndpointRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// One of the tenant's deliveries.
    pub async fn webhook_delivery(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<DeliveryRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries WHERE tenant_id = $1 AND id = $2"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// An endpoint's deliveries, newest first, older than `before` (a delivery id) when
    /// given: one page of the delivery log.
    pub async fn webhook_deliveries(
        &self,
        tenant: TenantId,
        endpoint: i64,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<DeliveryRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries WHERE tenant_id = $1 \
             AND endpoint_id = $2 AND id < $3 ORDER BY id DESC LIMIT $4"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(endpoint)
            .bind(before.unwrap_or(i64::MAX))
            .bind(limit.clamp(1, 200))
            .fetch_all(pool)
            .await)
    }

    /// A delivery's attempts, oldest first.
    pub async fn webhook_attempts(
        &self,
        tenant: TenantId,
        delivery: i64,
    ) -> Result<Vec<AttemptRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT attempted_at, status, latency_ms, error, response FROM webhook_attempts \
             WHERE tenant_id = $1 AND delivery_id = $2 ORDER BY id LIMIT 100"
        )
        .bind(tenant.0)
        .bind(delivery)
        .fetch_all(pool)
        .await)
    }

    /// The tenant's sources, oldest first.
    pub async fn webhook_sources(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<SourceRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {SOURCE_COLUMNS} FROM webhook_sources WHERE tenant_id = $1 ORDER BY id LIMIT 100"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .fetch_all(pool)
            .await)
    }

    /// The tenant's source named `name`.
    pub async fn webhook_source_named(
        &self,
        tenant: TenantId,
        name: &str,
    ) -> Result<Option<SourceRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {SOURCE_COLUMNS} FROM webhook_sources WHERE tenant_id = $1 AND name = $2"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(name)
            .fetch_optional(pool)
            .await)
    }

    /// Forgets finished deliveries (with their attempts) and outbox events older than
    /// `before`; pending deliveries and their events stay whatever their age.
    pub async fn purge_webhook_history(
        &self,
        tenant: TenantId,
        before: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin_write(tenant).await?;
        for sql in [
            "DELETE FROM webhook_attempts WHERE tenant_id = $1 AND delivery_id IN \
             (SELECT id FROM webhook_deliveries WHERE tenant_id = $1 AND state <> 'pending' \
              AND created_at < $2)",
            "DELETE FROM webhook_deliveries WHERE tenant_id = $1 AND state <> 'pending' \
             AND created_at < $2",
            "DELETE FROM outbound_events WHERE tenant_id = $1 AND created_at < $2 AND id NOT IN \
             (SELECT event_id FROM webhook_deliveries WHERE tenant_id = $1)",
        ] {
            on_tx!(&mut tx, |c| sqlx::query(sql)
                .bind(tenant.0)
                .bind(before)
                .execute(&mut *c)
                .await
                .map(|_| ()))?;
        }
        tx.commit().await
    }

    /// Counts a request a source sent (verified), with what went wrong, if anything.
    pub async fn note_webhook_received(
        &self,
        tenant: TenantId,
        source: i64,
        now: i64,
        error: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "UPDATE webhook_sources SET received = received + 1, last_received_at = $3, \
             last_error = $4 WHERE tenant_id = $1 AND id = $2"
        )
        .bind(tenant.0)
        .bind(source)
        .bind(now)
        .bind(error)
        .execute(pool)
        .await
        .map(|_| ()))
    }
}
