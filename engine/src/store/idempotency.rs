//! Idempotency keys of API requests: the first request's claim and, once it is
//! answered, its status and body.

use super::Store;
use crate::model::TenantId;
use crate::on_db;

/// What an earlier request with the same key left: its request's hash, and its answer
/// once it has one.
pub type Earlier = (String, Option<i32>, Option<String>);

impl Store {
    /// Claims `key` for a request with `hash`; `None` when this request is the first,
    /// else what the earlier one left.
    pub async fn claim_idempotency_key(
        &self,
        tenant: TenantId,
        api_key: i64,
        key: &str,
        hash: &str,
        now: i64,
    ) -> Result<Option<Earlier>, sqlx::Error> {
        let claimed: Option<String> = on_db!(&self.db, write, tenant, |pool| {
            sqlx::query_scalar(
            "INSERT INTO idempotency_keys (tenant_id, api_key_id, key, request_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, api_key_id, key) DO NOTHING \
             RETURNING key"
        )
        .bind(tenant.0)
        .bind(api_key)
        .bind(key)
        .bind(hash)
        .bind(now)
        .fetch_optional(pool)
        .await
        })?;
        if claimed.is_some() {
            return Ok(None);
        }
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT request_hash, status, body FROM idempotency_keys \
             WHERE tenant_id = $1 AND api_key_id = $2 AND key = $3"
        )
        .bind(tenant.0)
        .bind(api_key)
        .bind(key)
        .fetch_optional(pool)
        .await)
    }

    /// Keeps the first request's answer.
    pub async fn finish_idempotency_key(
        &self,
        tenant: TenantId,
        api_key: i64,
        key: &str,
        status: i32,
        body: &str,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "UPDATE idempotency_keys SET status = $4, body = $5 \
             WHERE tenant_id = $1 AND api_key_id = $2 AND key = $3"
        )
        .bind(tenant.0)
        .bind(api_key)
        .bind(key)
        .bind(status)
        .bind(body)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// Gives the key back (the request failed on our side: it may be tried again).
    pub async fn release_idempotency_key(
        &self,
        tenant: TenantId,
        api_key: i64,
        key: &str,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "DELETE FROM idempotency_keys WHERE tenant_id = $1 AND api_key_id = $2 AND key = $3"
        )
        .bind(tenant.0)
        .bind(api_key)
        .bind(key)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// Forgets the tenant's keys made before `before`; how many went.
    pub async fn purge_idempotency_keys(
        &self,
        tenant: TenantId,
        before: i64,
    ) -> Result<u64, sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "DELETE FROM idempotency_keys WHERE tenant_id = $1 AND created_at < $2"
        )
        .bind(tenant.0)
        .bind(before)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    }
}
