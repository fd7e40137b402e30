//! Integration API keys (only their SHA-256 is stored), with their scopes, last use and
//! (once rotated) the end of their overlap.

use super::audit::append_audit_tx;
use super::Store;
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::model::{now_ms, TenantId};
use crate::{on_db, on_tx};

/// A key as its tenant's admin sees it (never the key itself).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ApiKeyRecord {
    pub id: i64,
    pub name: String,
    pub prefix: String,
    /// Comma-separated scope names.
    pub scopes: String,
    pub created_at: i64,
    pub created_by: String,
    pub last_used_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const KEY_COLUMNS: &str = "id, name, prefix, scopes, created_at, created_by, last_used_at, \
     expires_at, revoked_at";

/// A new key's row.
pub(crate) struct NewKeyRow<'a> {
    pub name: &'a str,
    pub prefix: &'a str,
    pub key_hash: &'a str,
    /// Comma-separated scope names.
    pub scopes: &'a str,
    pub created_by: &'a str,
    pub now: i64,
}

/// Inserts a key in the caller's transaction; its id.
pub(crate) async fn insert_key_tx(
    tx: &mut Tx,
    tenant: TenantId,
    k: &NewKeyRow<'_>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scopes, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(tenant.0)
    .bind(k.name)
    .bind(k.prefix)
    .bind(k.key_hash)
    .bind(k.scopes)
    .bind(k.created_by)
    .bind(k.now)
    .fetch_one(&mut *c)
    .await)
}

/// One of the tenant's keys, locked for the caller's change.
pub(crate) async fn key_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<ApiKeyRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {KEY_COLUMNS} FROM api_keys WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(&mut *c)
        .await)
}

/// A key stops working at `at` (now, for a revocation; later, for a rotation's overlap).
pub(crate) async fn end_key_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    at: i64,
    revoke: bool,
) -> Result<(), sqlx::Error> {
    let sql = if revoke {
        "UPDATE api_keys SET revoked_at = $3 WHERE tenant_id = $1 AND id = $2"
    } else {
        "UPDATE api_keys SET expires_at = $3 WHERE tenant_id = $1 AND id = $2"
    };
    on_tx!(tx, |c| sqlx::query(sql)
        .bind(tenant.0)
        .bind(id)
        .bind(at)
        .execute(&mut *c)
        .await
        .map(|_| ()))
}

impl Store {
    /// Stores a new key (it writes stock events) and records its creation in the audit
    /// trail, in one transaction: the command line's key. The entry names the key's
    /// prefix only, never the key.
    pub async fn insert_api_key(
        &self,
        tenant: TenantId,
        name: &str,
        prefix: &str,
        key_hash: &str,
        actor: &str,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.db.begin_write(tenant).await?;
        let row = NewKeyRow {
            name,
            prefix,
            key_hash,
            scopes: "write_events",
            created_by: actor,
            now: now_ms(),
        };
        let id = insert_key_tx(&mut tx, tenant, &row).await?;
        let entry = AuditEntry {
            actor: actor.to_string(),
            action: "api_key.created".into(),
            subject: format!("api_key:{id}"),
            before: None,
            after: Some(
                serde_json::json!({ "name": name, "prefix": prefix, "scopes": "write_events" }),
            ),
            request_id: None,
        };
        append_audit_tx(&mut tx, tenant, &entry).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The tenant's keys, those working at `now` first, newest first (at most 200: every
    /// working key is listed before any ended one).
    pub async fn api_keys(
        &self,
        tenant: TenantId,
        now: i64,
    ) -> Result<Vec<ApiKeyRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {KEY_COLUMNS} FROM api_keys WHERE tenant_id = $1 ORDER BY \
             CASE WHEN revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2) \
             THEN 0 ELSE 1 END, id DESC LIMIT 200"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(now)
            .fetch_all(pool)
            .await)
    }

    /// The tenant's key with this hash that works at `now`: its id and scopes.
    pub async fn working_api_key(
        &self,
        tenant: TenantId,
        key_hash: &str,
        now: i64,
    ) -> Result<Option<(i64, String, Option<i64>)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT id, scopes, last_used_at FROM api_keys WHERE tenant_id = $1 AND key_hash = $2 \
             AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)"
        )
        .bind(tenant.0)
        .bind(key_hash)
        .bind(now)
        .fetch_optional(pool)
        .await)
    }

    /// Records a key's use (the caller writes at most once a minute per key).
    pub async fn touch_api_key(
        &self,
        tenant: TenantId,
        id: i64,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "UPDATE api_keys SET last_used_at = $3 WHERE tenant_id = $1 AND id = $2"
        )
        .bind(tenant.0)
        .bind(id)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()))
    }
}
