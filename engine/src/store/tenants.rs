//! Tenants, their domains and partners.

use super::Store;
use crate::model::{now_ms, Tenant, TenantId};
use crate::{on_db, on_tx};

#[derive(sqlx::FromRow)]
pub(crate) struct TenantRow {
    id: i64,
    slug: String,
    name: String,
    theme: String,
    currency: String,
    partner: Option<String>,
    kind: String,
    theme_version: i64,
    suspended_at: Option<i64>,
    language: Option<String>,
    time_zone: Option<String>,
}

impl From<TenantRow> for Tenant {
    fn from(r: TenantRow) -> Self {
        Tenant {
            id: TenantId(r.id),
            slug: r.slug,
            name: r.name,
            theme: r.theme,
            currency: r.currency,
            partner: r.partner,
            kind: crate::model::TenantKind::parse(&r.kind).unwrap_or_default(),
            theme_version: r.theme_version,
            suspended_at: r.suspended_at,
            language: r.language,
            time_zone: r.time_zone,
        }
    }
}

pub(crate) const TENANT_SELECT: &str =
    "SELECT t.id, t.slug, t.name, t.theme, t.currency, p.slug AS partner, \
     t.kind, t.theme_version, t.suspended_at, t.language, t.time_zone FROM tenants t LEFT JOIN partners p ON p.id = t.partner_id";

impl Store {
    pub async fn tenant_by_slug(&self, slug: &str) -> Result<Option<Tenant>, sqlx::Error> {
        let sql = format!("{TENANT_SELECT} WHERE t.slug = $1");
        on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_as::<_, TenantRow>(&sql)
                .bind(slug)
                .fetch_optional(pool)
                .await
        })
        .map(|r| r.map(Tenant::from))
    }

    pub async fn tenant_by_domain(&self, domain: &str) -> Result<Option<Tenant>, sqlx::Error> {
        let sql = format!(
            "{TENANT_SELECT} JOIN tenant_domains d ON d.tenant_id = t.id WHERE d.domain = $1"
        );
        on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_as::<_, TenantRow>(&sql)
                .bind(domain)
                .fetch_optional(pool)
                .await
        })
        .map(|r| r.map(Tenant::from))
    }

    pub async fn tenants(&self) -> Result<Vec<Tenant>, sqlx::Error> {
        let sql = format!("{TENANT_SELECT} ORDER BY t.slug");
        on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_as::<_, TenantRow>(&sql).fetch_all(pool).await
        })
        .map(|rows| rows.into_iter().map(Tenant::from).collect())
    }

    /// Creates the partner if it is new; returns its id either way.
    pub async fn upsert_partner(&self, slug: &str, name: &str) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO partners (slug, name, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id",
            )
            .bind(slug)
            .bind(name)
            .bind(now_ms())
            .fetch_one(pool)
            .await
        })
    }

    /// Creates or updates a tenant by slug and replaces its domain list.
    #[allow(clippy::too_many_arguments)]
    pub async fn upsert_tenant(
        &self,
        slug: &str,
        name: &str,
        theme: &str,
        currency: &str,
        partner_id: Option<i64>,
        kind: crate::model::TenantKind,
        domains: &[String],
    ) -> Result<TenantId, sqlx::Error> {
        // The tenants table is the platform's; the domains are the new tenant's own.
        let mut tx = self.db.begin_write(crate::db::Scope::System).await?;
        let id = on_tx!(&mut tx, |c| sqlx::query_scalar::<_, i64>(
            "INSERT INTO tenants (slug, name, theme, currency, partner_id, kind, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (slug) DO UPDATE SET name = excluded.name, theme = excluded.theme, \
             currency = excluded.currency, partner_id = excluded.partner_id, \
             kind = excluded.kind RETURNING id",
        )
        .bind(slug)
        .bind(name)
        .bind(theme)
        .bind(currency)
        .bind(partner_id)
        .bind(kind.as_str())
        .bind(now_ms())
        .fetch_one(c)
        .await)?;
        tx.set_scope(TenantId(id)).await?;
        // The file's domains replace the file's earlier ones; a domain the tenant's
        // admin proved in the portal stays, and one another tenant holds is skipped.
        on_tx!(&mut tx, |c| sqlx::query(
            "DELETE FROM tenant_domains WHERE tenant_id = $1 AND domain NOT IN \
             (SELECT domain FROM domain_claims WHERE tenant_id = $1 AND verified_at IS NOT NULL)"
        )
        .bind(id)
        .execute(c)
        .await
        .map(|_| ()))?;
        for d in domains {
            let added = on_tx!(&mut tx, |c| sqlx::query(
                "INSERT INTO tenant_domains (domain, tenant_id) VALUES ($1, $2) \
                 ON CONFLICT (domain) DO NOTHING"
            )
            .bind(d.to_ascii_lowercase())
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
            if added == 0 {
                tracing::warn!(tenant = slug, domain = %d, "domain in the tenant file is already served (by it or another tenant); left as it is");
            }
        }
        tx.commit().await?;
        Ok(TenantId(id))
    }
}

/// Suspends the tenant with `reason` (`Some`) or resumes it (`None`); the state before:
/// (suspended at, reason).
pub(crate) async fn set_suspended_tx(
    tx: &mut crate::db::Tx,
    tenant: TenantId,
    suspension: Option<(i64, &str)>,
) -> Result<(Option<i64>, Option<String>), sqlx::Error> {
    let sql = format!(
        "SELECT suspended_at, suspended_reason FROM tenants WHERE id = $1{}",
        tx.lock()
    );
    let before: (Option<i64>, Option<String>) = on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .fetch_one(c)
        .await)?;
    let (at, reason) = match suspension {
        Some((at, reason)) => (Some(at), Some(reason)),
        None => (None, None),
    };
    on_tx!(tx, |c| sqlx::query(
        "UPDATE tenants SET suspended_at = $2, suspended_reason = $3 WHERE id = $1"
    )
    .bind(tenant.0)
    .bind(at)
    .bind(reason)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(before)
}

/// The tenant's time zone (`None`: UTC), as the [`crate::region`] functions take it.
pub(crate) async fn time_zone_tx(
    tx: &mut crate::db::Tx,
    tenant: TenantId,
) -> Result<Option<String>, sqlx::Error> {
    let zone: Option<Option<String>> = on_tx!(tx, |c| sqlx::query_scalar::<_, Option<String>>(
        "SELECT time_zone FROM tenants WHERE id = $1"
    )
    .bind(tenant.0)
    .fetch_optional(c)
    .await)?;
    Ok(zone.flatten())
}

/// Sets the tenant's default language and time zone (`None`: the browser's / UTC); the
/// values before: (language, time zone).
pub(crate) async fn set_region_tx(
    tx: &mut crate::db::Tx,
    tenant: TenantId,
    language: Option<&str>,
    time_zone: Option<&str>,
) -> Result<(Option<String>, Option<String>), sqlx::Error> {
    let sql = format!(
        "SELECT language, time_zone FROM tenants WHERE id = $1{}",
        tx.lock()
    );
    let before: (Option<String>, Option<String>) = on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .fetch_one(c)
        .await)?;
    on_tx!(tx, |c| sqlx::query(
        "UPDATE tenants SET language = $2, time_zone = $3 WHERE id = $1"
    )
    .bind(tenant.0)
    .bind(language)
    .bind(time_zone)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(before)
}
