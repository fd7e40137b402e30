//! Integration API keys (only their SHA-256 is stored).

use super::audit::append_audit_tx;
use super::Store;
use crate::audit::AuditEntry;
use crate::model::{now_ms, TenantId};
use crate::{on_db, on_tx};

impl Store {
    /// Stores a new key's hash and records its creation in the audit trail, in one
    /// transaction. The entry names the key's prefix only, never the key.
    pub async fn insert_api_key(
        &self,
        tenant: TenantId,
        name: &str,
        prefix: &str,
        key_hash: &str,
        actor: &str,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.db.begin_write(tenant).await?;
        let id = on_tx!(&mut tx, |c| {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO api_keys (tenant_id, name, prefix, key_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(tenant.0)
            .bind(name)
            .bind(prefix)
            .bind(key_hash)
            .bind(now_ms())
            .fetch_one(c)
            .await
        })?;
        let entry = AuditEntry {
            actor: actor.to_string(),
            action: "api_key.created".into(),
            subject: format!("api_key:{id}"),
            before: None,
            after: Some(serde_json::json!({ "name": name, "prefix": prefix })),
            request_id: None,
        };
        append_audit_tx(&mut tx, tenant, &entry).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Whether the tenant has an unrevoked key with this hash.
    pub async fn api_key_valid(
        &self,
        tenant: TenantId,
        key_hash: &str,
    ) -> Result<bool, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar::<_, i64>(
                "SELECT tenant_id FROM api_keys WHERE tenant_id = $1 AND key_hash = $2 \
                 AND revoked_at IS NULL",
            )
            .bind(tenant.0)
            .bind(key_hash)
            .fetch_optional(pool)
            .await
        })
        .map(|t| t.is_some())
    }
}
