//! Themes edited in the portal: a tenant's own theme (TOML), its uploaded logo and
//! favicon, and the version that tells every replica to load them again.

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

impl Store {
    /// The tenant's own theme (TOML), if its admin saved one.
    pub async fn tenant_theme(&self, tenant: TenantId) -> Result<Option<String>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar(
            "SELECT theme FROM tenant_themes WHERE tenant_id = $1"
        )
        .bind(tenant.0)
        .fetch_optional(pool)
        .await)
    }

    /// The tenant's uploaded `name` (`logo` or `favicon`): content type and bytes.
    pub async fn theme_asset(
        &self,
        tenant: TenantId,
        name: &str,
    ) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
            "SELECT content_type, bytes FROM tenant_theme_assets WHERE tenant_id = $1 AND name = $2"
        )
        .bind(tenant.0)
        .bind(name)
        .fetch_optional(pool)
        .await
        })
    }
}

/// The tenant's pack and its own saved theme (TOML), its row locked for the change.
pub(crate) async fn theme_for_update_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<(String, Option<String>), sqlx::Error> {
    let sql = format!("SELECT theme FROM tenants WHERE id = $1{}", tx.lock());
    let pack: String = on_tx!(tx, |c| sqlx::query_scalar(&sql)
        .bind(tenant.0)
        .fetch_one(c)
        .await)?;
    let own: Option<String> = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT theme FROM tenant_themes WHERE tenant_id = $1"
    )
    .bind(tenant.0)
    .fetch_optional(c)
    .await)?;
    Ok((pack, own))
}

/// Stores the tenant's own theme and bumps its version; the new version.
pub(crate) async fn save_theme_tx(
    tx: &mut Tx,
    tenant: TenantId,
    toml: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO tenant_themes (tenant_id, theme, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (tenant_id) DO UPDATE SET theme = excluded.theme, updated_at = excluded.updated_at"
    )
    .bind(tenant.0)
    .bind(toml)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })?;
    bump_version_tx(tx, tenant, None).await
}

/// Drops the tenant's own theme and uploads and shows pack `pack` as it is; the new
/// version (versions only grow, so no replica keeps an old theme under a new number).
pub(crate) async fn use_pack_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pack: &str,
) -> Result<i64, sqlx::Error> {
    for sql in [
        "DELETE FROM tenant_themes WHERE tenant_id = $1",
        "DELETE FROM tenant_theme_assets WHERE tenant_id = $1",
    ] {
        on_tx!(tx, |c| sqlx::query(sql)
            .bind(tenant.0)
            .execute(c)
            .await
            .map(|_| ()))?;
    }
    bump_version_tx(tx, tenant, Some(pack)).await
}

async fn bump_version_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pack: Option<&str>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "UPDATE tenants SET theme_version = theme_version + 1, theme = COALESCE($2, theme) \
         WHERE id = $1 RETURNING theme_version"
    )
    .bind(tenant.0)
    .bind(pack)
    .fetch_one(c)
    .await)
}

pub(crate) async fn put_asset_tx(
    tx: &mut Tx,
    tenant: TenantId,
    name: &str,
    content_type: &str,
    bytes: &[u8],
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO tenant_theme_assets (tenant_id, name, content_type, bytes, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, name) DO UPDATE SET \
         content_type = excluded.content_type, bytes = excluded.bytes, updated_at = excluded.updated_at"
    )
    .bind(tenant.0)
    .bind(name)
    .bind(content_type)
    .bind(bytes)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })
}
