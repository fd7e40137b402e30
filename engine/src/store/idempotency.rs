//! Idempotency keys of API requests: the first request's claim (named by its token)
//! and, once it is answered, its status and body.

use super::Store;
use crate::model::TenantId;
use crate::on_db;

/// What an earlier request with the same key left: its request's hash, and its answer
/// once it has one.
pub type Earlier = (String, Option<i32>, Option<String>);

impl Store {
    /// Claims `key` for a request with `hash` under `token`; `None` when this request
    /// now holds the key (the first, or taking over a claim left unanswered since
    /// before `stale_before`: its process died mid-request), else what the earlier one
    /// left. A row that vanishes between the insert and the look (given back, purged)
    /// is tried again, so a request never runs without holding the key.
    #[allow(clippy::too_many_arguments)]
    pub async fn claim_idempotency_key(
        &self,
        tenant: TenantId,
        api_key: i64,
        key: &str,
        hash: &str,
        token: &str,
        now: i64,
        stale_before: i64,
    ) -> Result<Option<Earlier>, sqlx::Error> {
        for _ in 0..3 {
            let claimed: Option<String> = on_db!(&self.db, write, tenant, |pool| {
                sqlx::query_scalar(
                    "INSERT INTO idempotency_keys (tenant_id, api_key_id, key, request_hash, \
                     claim_token, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (tenant_id, api_key_id, key) DO NOTHING RETURNING key",
                )
                .bind(tenant.0)
                .bind(api_key)
                .bind(key)
                .bind(hash)
                .bind(token)
                .bind(now)
                .fetch_optional(pool)
                .await
            })?;
            if claimed.is_some() {
                return Ok(None);
            }
            let taken_over: Option<String> = on_db!(&self.db, write, tenant, |pool| {
                sqlx::query_scalar(
                    "UPDATE idempotency_keys SET created_at = $5, claim_token = $7 \
                     WHERE tenant_id = $1 AND api_key_id = $2 AND key = $3 \
                     AND request_hash = $4 AND status IS NULL AND created_at < $6 RETURNING key",
                )
                .bind(tenant.0)
                .bind(api_key)
                .bind(key)
                .bind(hash)
                .bind(now)
                .bind(stale_before)
                .bind(token)
                .fetch_optional(pool)
                .await
            })?;
            if taken_over.is_some() {
                return Ok(None);
            }
            let earlier: Option<Earlier> = on_db!(&self.db, read, tenant, |pool| {
                sqlx::query_as(
                    "SELECT request_hash, status, body FROM idempotency_keys \
                     WHERE tenant_id = $1 AND api_key_id = $2 AND key = $3",
                )
                .bind(tenant.0)
                .bind(api_key)
                .bind(key)
                .fetch_optional(pool)
                .await
            })?;
            if let Some(e) = earlier {
                return Ok(Some(e));
            }
        }
        Err(sqlx::Error::Protocol(
            "an idempotency key kept vanishing while it was claimed".into(),
        ))
    }

    /// Keeps the answer of the request that holds the key (`token`).
    pub async fn finish_idempotency_key(
        &self,
        tenant: TenantId,
        api_key: i64,
        key: &str,
        token: &str,
        status: i32,
        body: &str,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "UPDATE idempotency_keys SET status = $4, body = $5 WHERE tenant_id = $1 \
             AND api_key_id = $2 AND key = $3 AND claim_token = $6 AND status IS NULL"
        )
        .bind(tenant.0)
        .bind(api_key)
        .bind(key)
        .bind(status)
        .bind(body)
        .bind(token)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// Gives the key back: the request that holds it (`token`) failed on our side, so
    /// it may be tried again.
    pub async fn release_idempotency_key(
        &self,
        tenant: TenantId,
        api_key: i64,
        key: &str,
        token: &str,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "DELETE FROM idempotency_keys WHERE tenant_id = $1 AND api_key_id = $2 AND key = $3 \
             AND claim_token = $4 AND status IS NULL"
        )
        .bind(tenant.0)
        .bind(api_key)
        .bind(key)
        .bind(token)
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
